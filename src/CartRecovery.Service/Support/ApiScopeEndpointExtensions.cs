namespace CartRecovery.Service.Support;

public static class ApiScopeEndpointExtensions
{
    public static TBuilder RequireApiScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredApiScope(scope)).ProducesProblem(StatusCodes.Status403Forbidden);
}
