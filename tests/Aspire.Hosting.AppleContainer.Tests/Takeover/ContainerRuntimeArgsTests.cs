using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Diagnostics;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.AppleContainer.Tests.Takeover;

public class ContainerRuntimeArgsTests
{
    private static readonly RunSpec Empty = new() { Name = "web-1", Image = "localhost/actr-test/service:latest" };

    [Fact]
    public void Docker_style_run_flags_map_onto_the_run_spec_fields_they_stand_for()
    {
        var spec = ContainerRuntimeArgs.Apply(Empty, Args(
            "--cpus", "1.5", "--memory=512m", "--init", "-w", "/srv", "--user", "1000:1000", "--platform", "linux/arm64",
            "--read-only", "--dns", "1.1.1.1", "--tmpfs", "/scratch", "-l", "team=engg", "--label=tier=web",
            "-e", "MODE=debug", "--entrypoint", "/bin/sh"), "web");

        Assert.Equal(1.5, spec.Cpus);
        Assert.Equal(512L << 20, spec.MemoryBytes);
        Assert.True(spec.Init);
        Assert.Equal("/srv", spec.WorkingDirectory);
        Assert.Equal("1000:1000", spec.User);
        Assert.Equal("linux/arm64", spec.Platform);
        Assert.True(spec.ReadOnlyRootFilesystem);
        Assert.Equal(["1.1.1.1"], spec.Dns);
        Assert.Equal([new MountSpec(MountKind.Tmpfs, null, "/scratch")], spec.Mounts);
        Assert.Equal("engg", spec.Labels["team"]);
        Assert.Equal("web", spec.Labels["tier"]);
        Assert.Equal("debug", spec.Environment["MODE"]);
        Assert.Equal(["/bin/sh"], spec.Entrypoint);
    }

    [Theory]
    [InlineData("--privileged")]
    [InlineData("--cap-add")]
    [InlineData("--network=host")]
    [InlineData("--add-host")]
    public void A_flag_without_an_equivalent_is_rejected_with_ACTR2002_naming_it(string flag)
    {
        var error = Assert.Throws<BridgeException>(() => ContainerRuntimeArgs.Apply(Empty, Args("--init", flag, "x"), "web"));

        Assert.Equal(BridgeErrorCode.UnsupportedOption, error.Code);
        Assert.Equal(flag.Split('=')[0], error.Option);
        var diagnostic = DiagnosticCatalog.Describe(error).ToString();
        Assert.StartsWith("ACTR2002:", diagnostic, StringComparison.Ordinal);
        Assert.Contains($"'{flag}'", diagnostic, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--memory", "lots")]
    [InlineData("--cpus", "many")]
    [InlineData("-e", "NO_VALUE")]
    [InlineData("--init=maybe", null)]
    public void A_bad_value_is_rejected_as_an_invalid_spec_naming_the_flag(string flag, string? value)
    {
        var args = value is null ? Args(flag) : Args(flag, value);

        var error = Assert.Throws<BridgeException>(() => ContainerRuntimeArgs.Apply(Empty, args, "web"));

        Assert.Equal(BridgeErrorCode.InvalidSpec, error.Code);
        Assert.Equal(flag.Split('=')[0], error.Option);
    }

    [Theory]
    [InlineData("--cpus", "-1", "cpus")]
    [InlineData("--memory", "1k", "memory")]
    public void A_value_out_of_range_is_parsed_here_and_rejected_once_by_the_bridges_validator(string flag, string value, string option)
    {
        var spec = ContainerRuntimeArgs.Apply(Empty, Args(flag, value), "web");

        var error = Assert.Throws<BridgeException>(() => RunSpecValidator.Validate(spec));

        Assert.Equal((BridgeErrorCode.InvalidSpec, option), (error.Code, error.Option));
    }

    [Fact]
    public void Tmpfs_options_are_refused_with_ACTR2002_and_a_hint_rather_than_dropped()
    {
        var error = Assert.Throws<BridgeException>(() => ContainerRuntimeArgs.Apply(Empty, Args("--tmpfs", "/scratch:size=64m"), "web"));

        Assert.Equal((BridgeErrorCode.UnsupportedOption, "--tmpfs"), (error.Code, error.Option));
        Assert.Contains("size=64m", error.Message, StringComparison.Ordinal);
        Assert.Contains("--tmpfs /scratch", error.Hint, StringComparison.Ordinal);
        Assert.StartsWith("ACTR2002:", DiagnosticCatalog.Describe(error).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_missing_its_value_is_rejected()
    {
        var error = Assert.Throws<BridgeException>(() => ContainerRuntimeArgs.Apply(Empty, Args("--workdir"), "web"));

        Assert.Equal(BridgeErrorCode.InvalidSpec, error.Code);
        Assert.Contains("needs a value", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_env_flag_built_from_a_secret_parameter_becomes_secret_environment()
    {
        var builder = ModelApp.CreateBuilder();
        builder.Configuration["Parameters:engg-token"] = "engg-t0ken";
        var token = builder.AddParameter("engg-token", secret: true);
        var web = builder.AddContainer("web", "localhost/actr-test/service")
            .WithContainerRuntimeArgs(context =>
            {
                context.Args.Add("-e");
                context.Args.Add(Aspire.Hosting.ApplicationModel.ReferenceExpression.Create($"TOKEN={token}"));
                context.Args.Add("--label");
                context.Args.Add("engg.test=runtime-args");
            });
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal("engg-t0ken", spec.SecretEnvironment["TOKEN"]);
        Assert.False(spec.Environment.ContainsKey("TOKEN"));
        Assert.Equal("runtime-args", spec.Labels["engg.test"]);
    }

    private static List<RuntimeArg> Args(params string[] values) => [.. values.Select(v => new RuntimeArg(v, false))];
}
