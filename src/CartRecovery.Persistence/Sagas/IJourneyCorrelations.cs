namespace CartRecovery.Persistence.Sagas;

/// <summary>One saga type's correlations, registered with its repository.</summary>
public interface IJourneyCorrelations
{
    IEnumerable<(Type MessageType, JourneyCorrelation Correlation)> ByMessageType();
}
