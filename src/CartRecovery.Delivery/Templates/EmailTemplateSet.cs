using Fluid;

namespace CartRecovery.Delivery.Templates;

/// <summary>The three parsed parts of one step's email in one language.</summary>
internal sealed record EmailTemplateSet(IFluidTemplate Subject, IFluidTemplate Html, IFluidTemplate Text, string Language);
