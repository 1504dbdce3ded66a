using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace Aspire.Hosting.AppleContainer.IntegrationsAppHost.Nats;

/// <summary>
/// <c>AddNats</c> as Aspire.Hosting.Nats builds it (microsoft/aspire src/Aspire.Hosting.Nats/NatsBuilderExtensions.cs):
/// a default password parameter (a generated secret), the image <c>docker.io/library/nats:2.14</c>, endpoint 4222, the
/// arguments <c>--user nats --pass &lt;password&gt;</c> (the password a secret argument from a parameter), and a health
/// check that connects with a NATS client once the connection string is available.
/// </summary>
internal static class NatsModelBuilderExtensions
{
    public const string Registry = "docker.io";
    public const string Image = "library/nats";
    public const string Tag = "2.14";

    public static IResourceBuilder<NatsModelResource> AddNatsModel(this IDistributedApplicationBuilder builder, string name)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var nats = new NatsModelResource(name, password);

        NatsConnection? connection = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(nats, async (@event, ct) =>
        {
            var connectionString = await nats.ConnectionStringExpression.GetValueAsync(ct).ConfigureAwait(false)
                ?? throw new DistributedApplicationException($"The connection string of '{nats.Name}' was null.");
            connection = new NatsConnection(NatsOpts.Default with
            {
                LoggerFactory = @event.Services.GetRequiredService<ILoggerFactory>(),
                Url = connectionString,
                AuthOpts = new()
                {
                    Username = await nats.UserNameReference.GetValueAsync(ct).ConfigureAwait(false),
                    Password = await nats.PasswordParameter.GetValueAsync(ct).ConfigureAwait(false),
                },
            });
        });

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey,
            _ => new NatsModelHealthCheck(() => connection),
            failureStatus: default,
            tags: default,
            timeout: default));

        return builder.AddResource(nats)
            .WithEndpoint(targetPort: 4222, name: NatsModelResource.PrimaryEndpointName)
            .WithImage(Image, Tag)
            .WithImageRegistry(Registry)
            .WithHealthCheck(healthCheckKey)
            .WithArgs(context =>
            {
                context.Args.Add("--user");
                context.Args.Add(nats.UserNameReference);
                context.Args.Add("--pass");
                context.Args.Add(nats.PasswordParameter);
            });
    }
}
