namespace Aspire.Hosting.AppleContainer.Sample.Tests.Support;

/// <summary>One row of the dashboard's resources table.</summary>
/// <param name="Name">The resource name (first column).</param>
/// <param name="State">The state column's text: <c>Running</c> for a running, healthy resource, <c>Running (Unhealthy)</c> while a health check fails.</param>
/// <param name="StateIsSuccess">Whether the state icon has the success colour (running and healthy).</param>
/// <param name="Urls">The URLs column's text.</param>
internal sealed record DashboardResource(string Name, string State, bool StateIsSuccess, string Urls)
{
    /// <summary>Running and healthy, as the dashboard shows it.</summary>
    public bool IsRunningAndHealthy => State == "Running" && StateIsSuccess;

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {State}{(StateIsSuccess ? " (success icon)" : string.Empty)}";
}
