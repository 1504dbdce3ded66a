using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

#pragma warning disable ASPIRECERTIFICATES001 // The certificate APIs are experimental in Aspire 13.6.

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>
/// Certificates in real containers, as DCP provides them: a container trusting the developer certificate (by default)
/// or a CA collection verifies an HTTPS listener on the host from inside it (with OpenSSL's <c>s_client</c>, which
/// fails on an unverified chain, unlike busybox's wget), and a server certificate the AppHost gives Redis serves TLS
/// that verifies against its CA. The
/// certificates are made in the test; the machine's developer certificate is never read.
/// </summary>
public abstract class CertificateTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    private const string ClientImage = "localhost/actr-test/openssl";
    private const string Answer = "engg-tls-verified";
    private const string ManagedLabel = "io.aspire.applecontainer.managed";

    // Connects to $TARGET (an https URL) verifying the chain and the host name or address, sends a request and prints
    // the answer; s_client exits non-zero when the verification fails.
    private const string VerifyScript = """
        t=${TARGET#https://}; t=${t%/}; h=${t%:*}
        case "$h" in *[!0-9.]*) v="-verify_hostname $h" ;; *) v="-verify_ip $h" ;; esac
        printf 'GET / HTTP/1.0\r\n\r\n' | openssl s_client -connect "$t" -verify_return_error $v -quiet 2>&1
        """;

    [RuntimeFact(Timeout = 180_000)]
    public async Task Containers_trusting_the_developer_certificate_by_default_or_a_CA_collection_verify_TLS_to_an_HTTPS_endpoint_on_the_host_and_one_trusting_neither_does_not()
    {
        using var ca = TestCertificates.CreateAuthority("Engg Container Trust CA");
        using var server = TestCertificates.CreateServer(ca);
        await using var listener = TlsListener.Start(server, Answer);
        await using var test = RuntimeTestApp.Create(runtime);

        // The CA stands for the developer certificate: Aspire's service reports it, and DCP trusts it in every container.
        test.Builder.Services.AddSingleton<IDeveloperCertificateService>(new TestDeveloperCertificateService([ca]));
        test.Builder.UseAppleContainerRuntime();
        var authorities = test.Builder.AddCertificateAuthorityCollection(test.Name("cas")).WithCertificate(ca);

        // The endpoint of a resource on the host, as a project's: its process only holds the name; the listener is ours.
        var host = test.Builder.AddExecutable(test.Name("host"), "sleep", Path.GetTempPath(), "600")
            .WithHttpsEndpoint(port: listener.Port, targetPort: listener.Port, isProxied: false);
        Client(test, "defaulted", host);
        Client(test, "collection", host)
            .WithDeveloperCertificateTrust(false)
            .WithCertificateAuthorityCollection(authorities)
            .WithCertificateTrustScope(CertificateTrustScope.Override);
        Client(test, "untrusting", host).WithDeveloperCertificateTrust(false);
        await test.StartAsync();

        var bridge = await test.BridgeAsync();
        var results = new Dictionary<string, ExecResult>();
        foreach (var name in new[] { "defaulted", "collection", "untrusting" })
        {
            var running = await RunningAsync(test, name);
            Assert.Equal("true", (await bridge.InspectContainerAsync(LabelledTestApp.ContainerId(running))).Labels.GetValueOrDefault(ManagedLabel));
            results[name] = await bridge.ExecAsync(LabelledTestApp.ContainerId(running), new ExecSpec { Command = ["sh", "-c", VerifyScript] });
        }

        foreach (var name in new[] { "defaulted", "collection" })
        {
            Assert.True(results[name].ExitCode == 0, $"{name}: {results[name].StandardOutput}{results[name].StandardError}");
            Assert.Contains(Answer, results[name].StandardOutput, StringComparison.Ordinal);
        }

        var refused = results["untrusting"];
        Assert.NotEqual(0, refused.ExitCode);
        Assert.DoesNotContain(Answer, refused.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("verify", refused.StandardOutput + refused.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    [RuntimeFact(Timeout = 180_000)]
    public async Task Redis_given_a_server_certificate_serves_TLS_that_verifies_against_its_CA()
    {
        using var ca = TestCertificates.CreateAuthority("Engg Redis CA");
        using var server = TestCertificates.CreateServer(ca);
        await using var test = RuntimeTestApp.Create(runtime);
        test.Builder.Services.AddSingleton<IDeveloperCertificateService>(new TestDeveloperCertificateService([]));
        test.Builder.UseAppleContainerRuntime();
        test.Builder.AddRedis(test.Name("redis"))
            .WithImageRegistry("localhost")
            .WithImage("actr-test/redis", "7.0")
            .WithContainerLabel(test.LabelKey, test.Prefix)
            .WithHttpsCertificate(server);
        await test.StartAsync();

        var redis = await RunningAsync(test, "redis");
        var endpoint = test.App!.GetEndpoint(test.Name("redis"), "tcp");
        var answer = await PingOverVerifiedTlsAsync(endpoint.Port, ca);

        Assert.Equal("true", (await (await test.BridgeAsync()).InspectContainerAsync(LabelledTestApp.ContainerId(redis))).Labels.GetValueOrDefault(ManagedLabel));
        Assert.Equal("rediss", endpoint.Scheme);
        Assert.StartsWith("-NOAUTH", answer, StringComparison.Ordinal); // TLS verified; Redis answers and wants its password
    }

    /// <summary>The resource once Running; its error when it fails to start instead.</summary>
    private static async Task<ResourceEvent> RunningAsync(RuntimeTestApp test, string suffix)
    {
        var started = await test.WaitForAsync(suffix, e => e.Snapshot.State?.Text is "Running" or "FailedToStart");
        if (started.Snapshot.State?.Text != KnownResourceStates.Running)
        {
            var log = new List<string>();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            try
            {
                await foreach (var batch in test.App!.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(test.Name(suffix)).WithCancellation(stop.Token))
                {
                    log.AddRange(batch.Select(l => l.Content));
                }
            }
            catch (OperationCanceledException)
            {
                // The log so far.
            }

            Assert.Fail($"{suffix} failed to start: {started.Snapshot.Properties.FirstOrDefault(p => p.Name == "applecontainer.error")?.Value}\n{string.Join('\n', log)}");
        }

        return started;
    }

    private static IResourceBuilder<ContainerResource> Client(RuntimeTestApp test, string suffix, IResourceBuilder<ExecutableResource> host) =>
        test.Builder.AddContainer(test.Name(suffix), ClientImage, "latest")
            .WithArgs("sleep", "600")
            .WithEnvironment("TARGET", host.GetEndpoint("https"))
            .WithContainerLabel(test.LabelKey, test.Prefix);

    /// <summary>PING over TLS to 127.0.0.1:<paramref name="port"/>, the chain verified against <paramref name="ca"/> alone.</summary>
    private static async Task<string> PingOverVerifiedTlsAsync(int port, X509Certificate2 ca)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, limit.Token);
                await using var tls = new SslStream(client.GetStream());
                var chain = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
                chain.CustomTrustStore.Add(ca);
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost", CertificateChainPolicy = chain }, limit.Token);
                await tls.WriteAsync("PING\r\n"u8.ToArray(), limit.Token);
                var buffer = new byte[256];
                var read = await tls.ReadAsync(buffer, limit.Token);
                return Encoding.ASCII.GetString(buffer, 0, read);
            }
            catch (Exception ex) when (ex is SocketException or IOException && !limit.IsCancellationRequested)
            {
                await Task.Delay(250, limit.Token);
            }
        }
    }
}
