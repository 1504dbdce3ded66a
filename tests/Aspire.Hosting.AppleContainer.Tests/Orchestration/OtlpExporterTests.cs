using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

/// <summary>Aspire's WithOtlpExporter writes DCP templates; the container gets the values DCP would put there.</summary>
public class OtlpExporterTests
{
    private const string Image = "localhost/actr-test/service";

    [Fact(Timeout = 30_000)]
    public async Task A_container_with_an_OTLP_exporter_gets_its_service_name_and_instance_id_as_literal_values()
    {
        var builder = OtlpBuilder();
        var web = builder.AddAppleContainer("web", Image).WithOtlpExporter();
        await using var app = ModelApp.Prepare(builder);

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal("web", spec.Environment["OTEL_SERVICE_NAME"]);
        Assert.Equal($"service.instance.id={app.Session.Id[..8]}", spec.Environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.EndsWith(app.Session.Id[..8], spec.Name, StringComparison.Ordinal); // the container name's suffix, as DCP's instance id
        Assert.DoesNotContain(spec.Environment.Values.Concat(spec.SecretEnvironment.Values).Concat(spec.Args), v => v.Contains("{{", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_persistent_containers_instance_id_is_its_default_name_and_stays_the_same_across_runs()
    {
        var builder = OtlpBuilder();
        var cache = builder.AddAppleContainer("cache", Image).WithLifetime(ContainerLifetime.Persistent).WithOtlpExporter();
        await using var app = ModelApp.Prepare(builder);

        var spec = await app.Specs.CreateAsync(cache.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal("cache", spec.Environment["OTEL_SERVICE_NAME"]);
        Assert.Equal($"service.instance.id=cache-{app.Session.AppHostKey[..8]}", spec.Environment["OTEL_RESOURCE_ATTRIBUTES"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task Templates_in_arguments_expand_and_an_unknown_template_stays_and_is_logged_as_a_warning()
    {
        var builder = OtlpBuilder();
        var web = builder.AddAppleContainer("web", Image)
            .WithArgs("--name={{- index .Annotations \"otel-service-name\" -}}")
            .WithEnvironment("FORMAT", "{{ .Names }}");
        await using var app = ModelApp.Prepare(builder);
        var logger = new WarningLog();

        var spec = await app.Specs.CreateAsync(web.Resource, logger, CancellationToken.None);

        Assert.Equal(["--name=web"], spec.Args);
        Assert.Equal("{{ .Names }}", spec.Environment["FORMAT"]);
        var warning = Assert.Single(logger.Warnings);
        Assert.Contains("FORMAT", warning, StringComparison.Ordinal);
        Assert.Contains("{{ .Names }}", warning, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_a_dashboard_in_the_model_the_exporters_host_URL_reaches_the_loopback_listener_through_the_host_address_and_a_forwarded_port()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var listenerPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        var builder = ModelApp.CreateBuilder();
        builder.Configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{listenerPort}";
        var web = builder.AddAppleContainer("web", Image).WithOtlpExporter();
        await using var app = ModelApp.Prepare(builder, hostAddress: "10.88.0.1");

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        var endpoint = new Uri(spec.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal($"http://10.88.0.1:{endpoint.Port}", spec.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, endpoint.Port);
        await client.GetStream().WriteAsync(new byte[] { 42 });
        using var accepted = await listener.AcceptTcpClientAsync();
        var received = new byte[1];
        Assert.Equal(1, await accepted.GetStream().ReadAsync(received));
        Assert.Equal(42, received[0]);
    }

    private static IDistributedApplicationBuilder OtlpBuilder()
    {
        var builder = ModelApp.CreateBuilder();
        builder.Configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://localhost:18889";
        return builder;
    }

    /// <summary>The warnings logged to it.</summary>
    private sealed class WarningLog : ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
