using System.Runtime.InteropServices;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Unit;

/// <summary>The declared capabilities and the host checks behind the coded diagnostics.</summary>
public sealed class AppleCapabilitiesTests
{
    [Fact]
    public void Capabilities_declare_what_Apple_1_x_cannot_do()
    {
        var capabilities = new AppleContainerRuntime("/nonexistent/container").Capabilities;

        Assert.False(capabilities.ReportsExitCodes);
        Assert.False(capabilities.SupportsFractionalCpus);
        Assert.False(capabilities.SupportsNetworkAliases);
        Assert.False(capabilities.SupportsExecCancellation);
        Assert.True(capabilities.RequiresExplicitHostPort);
        Assert.True(capabilities.RejectsPrivilegedPortsOnLoopback);
        Assert.True(capabilities.SupportsTmpfs);
    }

    [Theory]
    [InlineData(false, 15, Architecture.X64, "only on macOS")]
    [InlineData(true, 26, Architecture.X64, "Apple silicon")]
    [InlineData(true, 15, Architecture.Arm64, "macOS 26 or later")]
    public void An_unsupported_host_is_reported_with_a_coded_reason(bool isMac, int major, Architecture architecture, string reason)
    {
        var problem = new AppleHostPlatform(isMac, new Version(major, 0), architecture).Problem();

        Assert.NotNull(problem);
        Assert.Equal(BridgeErrorCode.UnsupportedRuntime, problem.Code);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Hint);
    }

    [Fact]
    public void macOS_26_on_Apple_silicon_qualifies()
    {
        Assert.Null(new AppleHostPlatform(true, new Version(26, 0, 1), Architecture.Arm64).Problem());
    }

    [Theory]
    [InlineData("/opt/homebrew/bin/container", true)]
    [InlineData("/usr/local/Cellar/container/1.0.0/bin/container", true)]
    [InlineData("/usr/local/bin/container", false)]
    public void A_Homebrew_prefix_is_recognised(string path, bool homebrew)
    {
        Assert.Equal(homebrew, AppleInstallation.IsHomebrew(path));
    }

    [Fact]
    public void Apple_spec_rules_reject_long_names_file_binds_and_commas_in_mounts()
    {
        var file = Path.GetTempFileName();
        try
        {
            var spec = new RunSpec { Name = "ok", Image = "busybox" };

            Assert.Equal("name", Assert.Throws<BridgeException>(() => AppleSpecRules.Validate(spec with { Name = new string('a', 64) })).Option);
            Assert.Equal("mount", Assert.Throws<BridgeException>(() => AppleSpecRules.Validate(spec with { Mounts = [new MountSpec(MountKind.Bind, file, "/f")] })).Option);
            Assert.Equal("mount", Assert.Throws<BridgeException>(() => AppleSpecRules.Validate(spec with { Mounts = [new MountSpec(MountKind.Volume, "v", "/a,b")] })).Option);
            AppleSpecRules.Validate(spec with { Name = new string('a', 63) });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_writable_volume_cannot_go_to_a_second_running_container()
    {
        var other = new ContainerInfo { Id = "a", Name = "a", Image = "i", State = ContainerState.Running, Mounts = [new MountSpec(MountKind.Volume, "data", "/data", ReadOnly: true)] };
        var stopped = other with { Id = "s", State = ContainerState.Exited, Mounts = [new MountSpec(MountKind.Volume, "data", "/data")] };

        var conflict = AppleVolumeGuard.FindConflict("b", [new MountSpec(MountKind.Volume, "data", "/d")], [other, stopped]);
        var readers = AppleVolumeGuard.FindConflict("b", [new MountSpec(MountKind.Volume, "data", "/d", ReadOnly: true)], [other, stopped]);

        Assert.Equal(BridgeErrorCode.VolumeInUse, conflict?.Code);
        Assert.Contains("read-only", conflict!.Hint, StringComparison.Ordinal);
        Assert.Null(readers);
    }

    [Fact]
    public void Label_keys_normalised_by_LabelCodec_satisfy_Apples_key_rule()
    {
        // Sources/ContainerResource/Common/ResourceLabels.swift @1.0.0 (same @1.2.2): docker-style DNS key, at most 128 characters.
        var dockerPattern = new System.Text.RegularExpressions.Regex(@"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$");
        string[] keys = ["Aspire.Resource", "actr-contract.owner-pid", "com.example/role", "-a_b-.", "..x..", "UPPER_case.Ünïcode", new string('x', 200) + ".y", "a." + new string('-', 130) + "b"];

        foreach (var key in keys)
        {
            var normalized = LabelCodec.NormalizeKey(key);
            Assert.Matches(dockerPattern, normalized);
            Assert.True(normalized.Length <= 128, normalized);
        }
    }
}
