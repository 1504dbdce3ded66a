using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.IntegrationsAppHost.Nats;

/// <summary>
/// The shape of Aspire.Hosting.Nats's <c>NatsServerResource</c> (microsoft/aspire src/Aspire.Hosting.Nats): a container
/// with a <c>tcp</c> endpoint, the user <c>nats</c> and a password parameter, and the connection string
/// <c>nats://nats:&lt;password&gt;@host:port</c>. Written here because that package is not served by this project's feed.
/// </summary>
internal sealed class NatsModelResource(string name, ParameterResource password) : ContainerResource(name), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";
    public const string DefaultUserName = "nats";

    private EndpointReference? _primaryEndpoint;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    public ReferenceExpression UserNameReference => ReferenceExpression.Create($"{DefaultUserName}");

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"nats://{DefaultUserName}:{PasswordParameter:uri}@{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}
