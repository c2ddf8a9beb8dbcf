namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>All integration specs share one broker and run one at a time: journey queue names are fixed.</summary>
[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<ServiceEndpoints>
{
    public const string Name = "real services";
}
