using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

public class RunSpecFactoryTests
{
    [Fact(Timeout = 30_000)]
    public async Task Ports_are_published_on_127_0_0_1_at_the_allocated_host_port_and_the_target_port()
    {
        var builder = ModelApp.CreateBuilder();
        var api = builder.AddAppleContainer("api", "localhost/actr-test/service")
            .WithHttpEndpoint(targetPort: 8080, name: "http")
            .WithEndpoint(port: FreePort(), targetPort: 9090, name: "admin");
        await using var app = ModelApp.Prepare(builder);

        var spec = await app.Specs.CreateAsync(api.Resource, NullLogger.Instance, CancellationToken.None);

        var http = api.Resource.GetEndpoint("http");
        Assert.Equal("127.0.0.1", http.Host);
        Assert.Contains(new PortMapping(8080, http.Port, "127.0.0.1"), spec.Ports);
        var admin = api.Resource.GetEndpoint("admin");
        Assert.Contains(new PortMapping(9090, admin.Port, "127.0.0.1"), spec.Ports);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_environment_value_built_from_another_resources_endpoint_resolves_to_an_address_containers_reach()
    {
        var builder = ModelApp.CreateBuilder();
        var api = builder.AddAppleContainer("api", "localhost/actr-test/service").WithHttpEndpoint(targetPort: 8080, name: "http");
        var web = builder.AddAppleContainer("web", "localhost/actr-test/service")
            .WithEnvironment("API_URL", api.GetEndpoint("http"))
            .WithEnvironment(context => context.EnvironmentVariables["API_HOSTPORT"] = ReferenceExpression.Create($"{api.GetEndpoint("http").Property(EndpointProperty.HostAndPort)}"));
        await using var app = ModelApp.Prepare(builder, hostAddress: "10.88.0.1");

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        var url = new Uri(spec.Environment["API_URL"]);
        Assert.Equal("10.88.0.1", url.Host);
        Assert.NotEqual(api.Resource.GetEndpoint("http").Port, url.Port); // a forwarder port: the published port is bound to 127.0.0.1 only
        Assert.Equal($"10.88.0.1:{url.Port}", spec.Environment["API_HOSTPORT"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task Values_built_from_secret_parameters_become_secret_environment_and_never_plain_environment()
    {
        var builder = ModelApp.CreateBuilder();
        builder.Configuration["Parameters:engd-password"] = "pa55-w0rd";
        var password = builder.AddParameter("engd-password", secret: true);
        var web = builder.AddAppleContainer("web", "localhost/actr-test/service")
            .WithEnvironment("PASSWORD", password)
            .WithEnvironment("DSN", ReferenceExpression.Create($"user=app;password={password}"))
            .WithEnvironment("PLAIN", "visible");
        await using var app = ModelApp.Prepare(builder);

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal("pa55-w0rd", spec.SecretEnvironment["PASSWORD"]);
        Assert.Equal("user=app;password=pa55-w0rd", spec.SecretEnvironment["DSN"]);
        Assert.Equal("visible", spec.Environment["PLAIN"]);
        Assert.DoesNotContain(spec.Environment.Values, v => v.Contains("pa55-w0rd", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_secret_parameter_argument_reaches_the_spec_marked_secret_and_the_others_do_not()
    {
        var builder = ModelApp.CreateBuilder();
        builder.Configuration["Parameters:engd-token"] = "t0ken";
        var token = builder.AddParameter("engd-token", secret: true);
        var web = builder.AddAppleContainer("web", "localhost/actr-test/service")
            .WithArgs("--user", "admin", "--pass", token)
            .WithArgs(context => context.Args.Add(ReferenceExpression.Create($"dsn=app:{token}")));
        await using var app = ModelApp.Prepare(builder);

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(["--user", "admin", "--pass", "t0ken", "dsn=app:t0ken"], spec.Args);
        Assert.Equal([3, 4], spec.SecretArgs);
        RunSpecValidator.Validate(spec);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_shell_executed_resource_with_a_secret_argument_has_its_whole_command_line_marked_secret()
    {
        var builder = ModelApp.CreateBuilder();
        builder.Configuration["Parameters:engd-token"] = "t0ken";
        var token = builder.AddParameter("engd-token", secret: true);
        var web = builder.AddAppleContainer("web", "localhost/actr-test/service").WithArgs("echo", token);
#pragma warning disable ASPIRECONTAINERSHELLEXECUTION001
        web.Resource.ShellExecution = true;
#pragma warning restore ASPIRECONTAINERSHELLEXECUTION001
        await using var app = ModelApp.Prepare(builder);

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(["-c", "echo t0ken"], spec.Args);
        Assert.Equal([1], spec.SecretArgs);
    }

    [Fact(Timeout = 30_000)]
    public async Task Limits_init_labels_entrypoint_and_args_reach_the_spec_with_the_integrations_labels()
    {
        var builder = ModelApp.CreateBuilder();
        var web = builder.AddAppleContainer("web", "localhost/actr-test/service", "1.0")
            .WithEntrypoint("/bin/sh").WithArgs("-c", "echo hi")
            .WithCpus(1.5).WithMemory(64L * 1024 * 1024).WithInit().WithContainerLabel("team", "payments")
            .WithContainerLabel(ContainerLabels.Resource, "not-web");
        await using var app = ModelApp.Prepare(builder);

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal("localhost/actr-test/service:1.0", spec.Image);
        Assert.Equal(["/bin/sh"], spec.Entrypoint!);
        Assert.Equal(["-c", "echo hi"], spec.Args);
        Assert.Equal((1.5, 64L * 1024 * 1024, true), (spec.Cpus!.Value, spec.MemoryBytes!.Value, spec.Init));
        Assert.Equal("payments", spec.Labels["team"]);
        Assert.Equal("true", spec.Labels[ContainerLabels.Managed]);
        Assert.Equal(app.Session.Id, spec.Labels[ContainerLabels.Session]);
        Assert.Equal("web", spec.Labels[ContainerLabels.Resource]);
        Assert.Equal(ContainerLabels.SessionLifetime, spec.Labels[ContainerLabels.Lifetime]);
        Assert.False(spec.Labels.ContainsKey(ContainerLabels.ConfigHash)); // stamped once the image (and its id) is ensured
        Assert.StartsWith("web-", spec.Name, StringComparison.Ordinal);
        RunSpecValidator.Validate(spec);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_host_port_that_is_not_a_port_reaches_the_spec_as_asked_and_the_bridges_validator_rejects_it()
    {
        var builder = ModelApp.CreateBuilder();
        var web = builder.AddAppleContainer("web", "localhost/actr-test/service").WithHttpEndpoint(port: 70000, targetPort: 8080);
        await using var app = ModelApp.Prepare(builder);

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);
        var error = Assert.Throws<BridgeException>(() => RunSpecValidator.Validate(spec));

        Assert.Equal(70000, Assert.Single(spec.Ports).HostPort);
        Assert.Equal((BridgeErrorCode.InvalidSpec, "publish"), (error.Code, error.Option));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_config_hash_ignores_the_session_but_changes_with_the_configuration()
    {
        var builder = ModelApp.CreateBuilder();
        var web = builder.AddAppleContainer("web", "localhost/actr-test/service").WithLifetime(ContainerLifetime.Persistent).WithEnvironment("MODE", "a");
        await using var app = ModelApp.Prepare(builder);
        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        var otherSession = spec with { Labels = new Dictionary<string, string>(spec.Labels) { [ContainerLabels.Session] = "another", [ContainerLabels.Owner] = "1-1" } };
        var otherMode = spec with { Environment = new Dictionary<string, string> { ["MODE"] = "b" } };

        Assert.Equal(ConfigurationHash.Compute(spec, "sha256:1"), ConfigurationHash.Compute(otherSession, "sha256:1"));
        Assert.NotEqual(ConfigurationHash.Compute(spec, "sha256:1"), ConfigurationHash.Compute(otherMode, "sha256:1"));
        Assert.Equal(ContainerLabels.PersistentLifetime, spec.Labels[ContainerLabels.Lifetime]);
        Assert.Equal($"web-{app.Session.AppHostKey[..8]}", spec.Name);
    }

    [Fact(Timeout = 30_000)]
    public async Task Specs_suit_a_runtime_that_needs_explicit_host_ports_and_whole_CPUs_unless_asked_for_a_fraction()
    {
        var builder = ModelApp.CreateBuilder();
        var whole = builder.AddAppleContainer("whole", "localhost/actr-test/service").WithHttpEndpoint(targetPort: 8080).WithCpus(2);
        var fraction = builder.AddAppleContainer("fraction", "localhost/actr-test/service").WithCpus(0.5);
        await using var app = ModelApp.Prepare(builder);
        var vmLike = new HostAddressOnlyRuntime("192.168.64.1").Capabilities with
        {
            RequiresExplicitHostPort = true, SupportsFractionalCpus = false, SupportsNetworkAliases = false, ReportsExitCodes = false,
        };

        var wholeSpec = await app.Specs.CreateAsync(whole.Resource, NullLogger.Instance, CancellationToken.None);
        var fractionSpec = await app.Specs.CreateAsync(fraction.Resource, NullLogger.Instance, CancellationToken.None);

        RunSpecValidator.ValidateFor(wholeSpec, vmLike, "vm");
        Assert.All(wholeSpec.Ports, p => Assert.NotNull(p.HostPort));
        var error = Assert.Throws<BridgeException>(() => RunSpecValidator.ValidateFor(fractionSpec, vmLike, "vm"));
        Assert.Equal((BridgeErrorCode.UnsupportedOption, "cpus"), (error.Code, error.Option));
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
