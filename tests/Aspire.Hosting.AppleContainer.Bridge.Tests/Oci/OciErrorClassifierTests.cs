using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

public sealed class OciErrorClassifierTests
{
    private static readonly ErrorClassifier Classifier = OciErrorClassifier.Create("podman");

    [Theory]
    [InlineData("container inspect enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("start enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("stop enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("rm enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("kill enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("wait enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("logs enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("exec enga-nope true", BridgeErrorCode.ContainerNotFound)]
    [InlineData("create --name enga-cr localhost/actr-test/service:latest", BridgeErrorCode.NameInUse)]
    [InlineData("volume rm enga-nope", BridgeErrorCode.VolumeNotFound)]
    [InlineData("volume rm enga-vol1", BridgeErrorCode.VolumeInUse)]
    [InlineData("volume create enga-vol2", BridgeErrorCode.NameInUse)]
    [InlineData("image rm localhost/enga/nope:latest", BridgeErrorCode.ImageNotFound)]
    [InlineData("create --pull never --name enga-x3 localhost/enga/nope:latest", BridgeErrorCode.ImageNotFound)]
    [InlineData("exec enga-ex true", BridgeErrorCode.InvalidState)]
    [InlineData("--remote --url unix:///tmp/enga-nonexistent.sock ps", BridgeErrorCode.RuntimeNotRunning)]
    [InlineData("pull localhost/enga/nope:latest", BridgeErrorCode.CliFailed)]
    [InlineData("create --name enga-x2 localhost/enga/nope:latest", BridgeErrorCode.CliFailed)]
    [InlineData("build -f /tmp/enga-nonexistent/Dockerfile /tmp", BridgeErrorCode.CliFailed)]
    [InlineData("network create enga-net", BridgeErrorCode.NameInUse)]
    [InlineData("network rm enga-net (a container is attached)", BridgeErrorCode.NetworkInUse)]
    [InlineData("network rm enga-nope", BridgeErrorCode.NetworkNotFound)]
    [InlineData("run --network enga-nope localhost/actr-test/busybox:latest true", BridgeErrorCode.NetworkNotFound)]
    public void Captured_podman_stderr_is_classified(string command, string expected)
    {
        var stderr = OciFixtureFiles.PodmanErrors()[command];

        Assert.Equal(expected, Classifier.Classify(stderr));
    }

    [Fact]
    public void A_port_in_use_is_classified_from_the_captured_bind_failure()
    {
        var stderr = OciFixtureFiles.PodmanErrors().Single(c => c.Key.Contains("(port taken", StringComparison.Ordinal)).Value;

        Assert.Equal(BridgeErrorCode.PortInUse, Classifier.Classify(stderr));
    }

    [Fact]
    public void Every_captured_failure_is_covered_by_a_test_case()
    {
        Assert.Equal(24, OciFixtureFiles.PodmanErrors().Count);
    }

    [Fact]
    public void The_runtime_not_running_rule_carries_a_hint_and_the_exception_keeps_the_stderr_tail()
    {
        var stderr = OciFixtureFiles.PodmanErrors()["--remote --url unix:///tmp/enga-nonexistent.sock ps"];

        var error = Classifier.CreateException(["podman", "ps"], 125, stderr, "list containers");

        Assert.Equal(BridgeErrorCode.RuntimeNotRunning, error.Code);
        Assert.Contains("podman machine start", error.Hint, StringComparison.Ordinal);
        Assert.Equal(125, error.ExitCode);
        Assert.Equal("podman", error.Runtime);
        Assert.Contains("unable to connect to Podman socket", error.StandardError, StringComparison.Ordinal);
    }
}
