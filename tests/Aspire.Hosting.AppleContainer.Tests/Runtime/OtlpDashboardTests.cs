using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>
/// Telemetry from a container this integration runs reaches Aspire's dashboard under the container's resource name, as
/// for DCP's containers. An AppHost (headless, loopback URLs, an OTLP key of the test's own) takes over a busybox
/// container (<c>AddContainer</c>) with <c>WithOtlpExporter(OtlpProtocol.HttpJson)</c>, whose shell POSTs one span as
/// OTLP/JSON to the endpoint, protocol and header Aspire gave it, with the service name and instance id from its
/// environment. With the dashboard, its telemetry API then reports the span and its resource; without it, a collector
/// on the host's loopback at the configured endpoint (a <c>HostUrl</c>) receives the request.
/// </summary>
public abstract class OtlpDashboardTests<TRuntime>(TRuntime runtime, ITestOutputHelper output) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    private const string DashboardResource = "aspire-dashboard";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Sends one span (retrying while the endpoint comes up) and exits 0 once it is accepted; the
    /// container's own shell turns <c>OTEL_EXPORTER_OTLP_HEADERS</c> (<c>name=value</c>) into a request header.
    /// </summary>
    private const string SendSpan = """
        case "$OTEL_EXPORTER_OTLP_PROTOCOL" in http/json) ;; *) echo "ACTR-OTLP-PROTOCOL $OTEL_EXPORTER_OTLP_PROTOCOL"; exit 3 ;; esac
        instance="${OTEL_RESOURCE_ATTRIBUTES#service.instance.id=}"
        now="$(date +%s)"
        body='{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"'"$OTEL_SERVICE_NAME"'"}},{"key":"service.instance.id","value":{"stringValue":"'"$instance"'"}}]},"scopeSpans":[{"scope":{"name":"actr-test"},"spans":[{"traceId":"'"$TRACE_ID"'","spanId":"'"$SPAN_ID"'","name":"'"$SPAN_NAME"'","kind":1,"startTimeUnixNano":"'"${now}000000000"'","endTimeUnixNano":"'"${now}500000000"'"}]}]}]}'
        attempt=0
        until wget -q -O /dev/null --header "Content-Type: application/json" --header "${OTEL_EXPORTER_OTLP_HEADERS%%=*}: ${OTEL_EXPORTER_OTLP_HEADERS#*=}" --post-data "$body" "${OTEL_EXPORTER_OTLP_ENDPOINT%/}/v1/traces"; do
          attempt=$((attempt + 1))
          if [ "$attempt" -ge 60 ]; then echo "ACTR-OTLP-FAILED $OTEL_EXPORTER_OTLP_ENDPOINT"; exit 4; fi
          sleep 1
        done
        echo "ACTR-OTLP-SENT $OTEL_EXPORTER_OTLP_ENDPOINT"
        """;

    [RuntimeFact(Timeout = 180_000)]
    public async Task A_span_a_container_sends_to_its_OTLP_endpoint_shows_on_the_dashboard_under_the_containers_resource_name_and_instance_id()
    {
        var dashboardApiKey = RandomNumberGenerator.GetHexString(32, lowercase: true);
        string[] settings =
        [
            $"--AppHost:DashboardApiKey={dashboardApiKey}",
            $"--ASPNETCORE_URLS=http://127.0.0.1:{FreePort()}",
            $"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:{FreePort()}",
            $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:{FreePort()}",
            "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
        ];

        await RunSenderAsync(settings, withDashboard: true, async (app, sender) =>
        {
            using var dashboard = new HttpClient { BaseAddress = app.GetEndpoint(DashboardResource, "http"), Timeout = TimeSpan.FromSeconds(10) };
            dashboard.DefaultRequestHeaders.Add("x-api-key", dashboardApiKey);
            var span = await WaitForSpanAsync(dashboard, sender.Name, sender.TraceId);
            using var resources = JsonDocument.Parse(await dashboard.GetStringAsync("/api/telemetry/resources"));
            output.WriteLine(resources.RootElement.ToString());

            Assert.Equal(sender.SpanName, span.Span.GetProperty("name").GetString());
            Assert.Equal(sender.Name, Attribute(span.Resource, "service.name"));
            Assert.EndsWith($"-{Attribute(span.Resource, "service.instance.id")}", sender.ContainerName, StringComparison.Ordinal);
            Assert.Contains(resources.RootElement.EnumerateArray(), r => r.GetProperty("name").GetString() == sender.Name);
        });
    }

    [RuntimeFact(Timeout = 180_000)]
    public async Task Without_the_dashboard_a_container_reaches_the_configured_OTLP_endpoint_on_the_hosts_loopback_with_the_API_key_header()
    {
        using var collector = new LoopbackHttpCollector();
        string[] settings = [$"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:{collector.Port}"];

        await RunSenderAsync(settings, withDashboard: false, async (_, sender) =>
        {
            var request = await collector.FirstRequest.WaitAsync(Patience);
            output.WriteLine(request);

            Assert.StartsWith("POST /v1/traces HTTP/1.1\r\n", request, StringComparison.Ordinal);
            Assert.Contains($"\r\nx-otlp-api-key: {sender.OtlpApiKey}\r\n", request, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"{{\"key\":\"service.name\",\"value\":{{\"stringValue\":\"{sender.Name}\"}}}}", request, StringComparison.Ordinal);
            Assert.Contains($"\"traceId\":\"{sender.TraceId}\"", request, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// Runs an AppHost (with <paramref name="settings"/> and an OTLP key of the test's own) whose taken-over busybox
    /// container sends the span, checks that it exited 0, then hands over to <paramref name="check"/>; everything it
    /// created goes, whatever happened.
    /// </summary>
    private async Task RunSenderAsync(string[] settings, bool withDashboard, Func<DistributedApplication, Sender, Task> check)
    {
        var prefix = RuntimeTestApp.NewPrefix();
        var traceId = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var sender = new Sender($"{prefix}-sender", traceId, $"{prefix}-span", RandomNumberGenerator.GetHexString(32, lowercase: true));

        // Read when the builder is created: keys of the test's own, and no version check, so nothing is written into
        // user secrets (and no package feed is asked).
        var builder = DistributedApplicationTestingBuilder.Create([$"--AppHost:OtlpApiKey={sender.OtlpApiKey}", "--ASPIRE_VERSION_CHECK_DISABLED=true", .. settings], (options, _) => options.DisableDashboard = !withDashboard);
        runtime.Configure(builder);
        // Written as an existing AppHost is, plus the one-line switch: the container is taken over.
        builder.UseAppleContainerRuntime();
        builder.AddContainer(sender.Name, "localhost/actr-test/busybox", "latest")
            .WithContainerLabel(RuntimeTestApp.TestLabel, prefix)
            .WithEntrypoint("/bin/sh")
            .WithArgs("-c", SendSpan)
            .WithEnvironment("TRACE_ID", traceId)
            .WithEnvironment("SPAN_ID", traceId[..16])
            .WithEnvironment("SPAN_NAME", sender.SpanName)
            .WithOtlpExporter(OtlpProtocol.HttpJson);
        DistributedApplication? app = null;
        try
        {
            app = await builder.BuildAsync();
            using (var start = new CancellationTokenSource(Patience))
            {
                await app.StartAsync(start.Token);
            }

            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            using var limit = new CancellationTokenSource(Patience);
            var exited = await notifications.WaitForResourceAsync(sender.Name, e => e.Snapshot.ExitCode is not null, limit.Token);
            var container = Assert.Single(await RuntimeTestApp.ListLabelledAsync(runtime, prefix));
            var logs = await LogsAsync(container.Id);
            output.WriteLine(logs);
            Assert.True(exited.Snapshot.ExitCode == 0, $"The sender exited {exited.Snapshot.ExitCode}: {logs}");

            await check(app, sender with { ContainerName = container.Name });
        }
        finally
        {
            try
            {
                if (app is not null)
                {
                    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                    await app.StopAsync(stop.Token);
                    await app.DisposeAsync();
                }
            }
            finally
            {
                await RuntimeTestApp.RemoveLabelledAsync(runtime, prefix);
                await builder.DisposeAsync();
            }
        }
    }

    /// <summary>The span of <paramref name="traceId"/> in the dashboard's spans of <paramref name="resource"/>, with its resource, once it is there.</summary>
    private async Task<(JsonElement Resource, JsonElement Span)> WaitForSpanAsync(HttpClient dashboard, string resource, string traceId)
    {
        var deadline = DateTime.UtcNow + Patience;
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await dashboard.GetAsync($"/api/telemetry/spans?resource={Uri.EscapeDataString(resource)}");
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var data = document.RootElement.GetProperty("data");
                foreach (var resourceSpans in data.GetProperty("resourceSpans").EnumerateArray())
                {
                    foreach (var scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
                    {
                        foreach (var span in scopeSpans.GetProperty("spans").EnumerateArray())
                        {
                            if (string.Equals(span.GetProperty("traceId").GetString(), traceId, StringComparison.OrdinalIgnoreCase))
                            {
                                output.WriteLine(resourceSpans.ToString());
                                return (resourceSpans.GetProperty("resource").Clone(), span.Clone());
                            }
                        }
                    }
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The dashboard showed no span of trace {traceId} for {resource}; last answer: {last}");
    }

    private static string? Attribute(JsonElement resource, string key) =>
        resource.GetProperty("attributes").EnumerateArray()
            .Where(a => a.GetProperty("key").GetString() == key)
            .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString())
            .SingleOrDefault();

    /// <summary>What the container printed, for a failure's message.</summary>
    private async Task<string> LogsAsync(string containerId)
    {
        var lines = new List<string>();
        await foreach (var line in (await runtime.BridgeAsync()).GetLogsAsync(containerId, follow: false))
        {
            lines.Add(line.Text);
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The sending container: resource name, the span it sends, the OTLP key the AppHost gave it, its container's name.</summary>
    private sealed record Sender(string Name, string TraceId, string SpanName, string OtlpApiKey)
    {
        public string ContainerName { get; init; } = string.Empty;
    }
}
