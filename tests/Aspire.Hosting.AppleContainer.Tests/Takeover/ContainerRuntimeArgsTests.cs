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

    [Fact]
    public void Arguments_without_a_run_spec_field_are_kept_verbatim_and_in_order_around_the_mapped_ones()
    {
        var spec = ContainerRuntimeArgs.Apply(Empty, Args("--privileged", "--init", "--hostname", "engd-host", "--network=host", "--cap-add", "NET_ADMIN", "--cpus", "2"), "web");

        Assert.Equal(["--privileged", "--hostname", "engd-host", "--network=host", "--cap-add", "NET_ADMIN"], spec.RuntimeArgs);
        Assert.True(spec.Init);
        Assert.Equal(2, spec.Cpus);
        Assert.Empty(spec.SecretRuntimeArgs);
    }

    [Fact]
    public void A_verbatim_argument_built_from_a_secret_is_marked_secret_by_its_index()
    {
        var spec = ContainerRuntimeArgs.Apply(Empty, [new RuntimeArg("--label", false), new RuntimeArg("x=1", false), new RuntimeArg("--annotation", false), new RuntimeArg("token=s3cr3t", true)], "web");

        Assert.Equal(["--annotation", "token=s3cr3t"], spec.RuntimeArgs);
        Assert.Equal([1], spec.SecretRuntimeArgs);
        Assert.Equal(["token=s3cr3t"], Bridge.Cli.CliArgvRedaction.SecretsOf(spec));
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

    [Theory]
    [InlineData("--tmpfs", "/scratch:size=64m")]
    [InlineData("--tmpfs=/scratch:size=64m")]
    public void Tmpfs_with_options_is_kept_verbatim_as_written_since_a_mount_spec_has_no_tmpfs_options(params string[] written)
    {
        var spec = ContainerRuntimeArgs.Apply(Empty, Args(written), "web");

        Assert.Equal(written, spec.RuntimeArgs);
        Assert.Empty(spec.Mounts);
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
