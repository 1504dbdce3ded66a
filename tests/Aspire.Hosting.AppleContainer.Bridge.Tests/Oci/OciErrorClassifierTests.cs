using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

/// <summary>The OCI classifier on stderr captured from podman 4.3.1 and docker 20.10.24 (CLI 28.2.2), one suite for both.</summary>
public sealed class OciErrorClassifierTests
{
    [Theory]
    [InlineData("podman", "container inspect enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("podman", "start enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("podman", "stop enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("podman", "rm enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("podman", "kill enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("podman", "wait enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("podman", "logs enga-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("podman", "exec enga-nope true", BridgeErrorCode.ContainerNotFound)]
    [InlineData("podman", "create --name enga-cr localhost/actr-test/service:latest", BridgeErrorCode.NameInUse)]
    [InlineData("podman", "volume rm enga-nope", BridgeErrorCode.VolumeNotFound)]
    [InlineData("podman", "volume rm enga-vol1", BridgeErrorCode.VolumeInUse)]
    [InlineData("podman", "volume create enga-vol2", BridgeErrorCode.NameInUse)]
    [InlineData("podman", "image rm localhost/enga/nope:latest", BridgeErrorCode.ImageNotFound)]
    [InlineData("podman", "image inspect --format {{.Id}} localhost/actr-test/busybox:latest localhost/enga/nope:latest", BridgeErrorCode.ImageNotFound)]
    [InlineData("podman", "create --pull never --name enga-x3 localhost/enga/nope:latest", BridgeErrorCode.ImageNotFound)]
    [InlineData("podman", "exec enga-ex true", BridgeErrorCode.InvalidState)]
    [InlineData("podman", "--remote --url unix:///tmp/enga-nonexistent.sock ps", BridgeErrorCode.RuntimeNotRunning)]
    [InlineData("podman", "pull localhost/enga/nope:latest", BridgeErrorCode.RegistryUnreachable)] // nothing listens on localhost:443
    [InlineData("podman", "create --name enga-x2 localhost/enga/nope:latest", BridgeErrorCode.RegistryUnreachable)]
    [InlineData("podman", "build -f /tmp/enga-nonexistent/Dockerfile /tmp", BridgeErrorCode.CliFailed)]
    [InlineData("podman", "network create enga-net", BridgeErrorCode.NameInUse)]
    [InlineData("podman", "network rm enga-net (a container is attached)", BridgeErrorCode.NetworkInUse)]
    [InlineData("podman", "network rm enga-nope", BridgeErrorCode.NetworkNotFound)]
    [InlineData("podman", "run --network enga-nope localhost/actr-test/busybox:latest true", BridgeErrorCode.NetworkNotFound)]
    [InlineData("docker", "container inspect engd-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("docker", "start engd-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("docker", "stop --time 10 engd-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("docker", "rm engd-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("docker", "kill --signal KILL engd-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("docker", "wait engd-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("docker", "logs engd-nope", BridgeErrorCode.ContainerNotFound)]
    [InlineData("docker", "exec engd-nope true", BridgeErrorCode.ContainerNotFound)]
    [InlineData("docker", "create --name engd-cr localhost/actr-test/service:latest", BridgeErrorCode.NameInUse)]
    [InlineData("docker", "volume rm engd-nope", BridgeErrorCode.VolumeNotFound)]
    [InlineData("docker", "volume rm engd-vol1", BridgeErrorCode.VolumeInUse)]
    [InlineData("docker", "image rm localhost/engd/nope:latest", BridgeErrorCode.ImageNotFound)]
    [InlineData("docker", "image inspect --format {{.Id}} localhost/actr-test/busybox:latest localhost/engd/nope:latest", BridgeErrorCode.ImageNotFound)]
    [InlineData("docker", "create --pull never --name engd-x3 localhost/engd/nope:latest", BridgeErrorCode.ImageNotFound)]
    [InlineData("docker", "exec engd-ex true", BridgeErrorCode.InvalidState)]
    [InlineData("docker", "--host unix:///tmp/engd-nonexistent.sock ps", BridgeErrorCode.RuntimeNotRunning)]
    [InlineData("docker", "--host unix:///tmp/engd-nonexistent.sock version --format json", BridgeErrorCode.RuntimeNotRunning)]
    [InlineData("docker", "pull localhost/engd/nope:latest", BridgeErrorCode.RegistryUnreachable)] // nothing listens on localhost:80
    [InlineData("docker", "create --name engd-x2 localhost/engd/nope:latest", BridgeErrorCode.RegistryUnreachable)]
    [InlineData("docker", "build --file /tmp/engd-nonexistent/Dockerfile --tag localhost/engd/b:1 /tmp/engd-context", BridgeErrorCode.CliFailed)]
    [InlineData("docker", "network create engd-net", BridgeErrorCode.NameInUse)]
    [InlineData("docker", "network rm engd-net (a container is attached)", BridgeErrorCode.NetworkInUse)]
    [InlineData("docker", "network rm engd-nope", BridgeErrorCode.NetworkNotFound)]
    [InlineData("docker", "run --name engd-x4 --label engd=1 --network engd-nope localhost/actr-test/busybox:latest true", BridgeErrorCode.NetworkNotFound)]
    public void Captured_stderr_is_classified(string runtime, string command, string expected)
    {
        var failure = OciFixtureFiles.Errors(runtime)[command];

        Assert.NotEqual(0, failure.ExitCode);
        Assert.Equal(expected, OciErrorClassifier.Create(runtime).Classify(failure.StandardError));
    }

    /// <summary>Cases whose argv holds a port chosen when they were captured, found by their note.</summary>
    [Theory]
    [InlineData("podman", "port taken by enga-p1", BridgeErrorCode.PortInUse)]
    [InlineData("docker", "port taken by engd-p1", BridgeErrorCode.PortInUse)]
    [InlineData("docker", "port taken by a host process", BridgeErrorCode.PortInUse)]
    [InlineData("docker", "a tag the registry lacks", BridgeErrorCode.ImageNotFound)]
    [InlineData("docker", "a repository the registry lacks", BridgeErrorCode.ImageNotFound)]
    [InlineData("docker", "an image the registry lacks", BridgeErrorCode.ImageNotFound)]
    [InlineData("docker", "DOCKER_BUILDKIT=1, no buildx component", BridgeErrorCode.BuilderUnavailable)]
    [InlineData("docker", "CLI 20.10.24", BridgeErrorCode.NetworkNotFound)] // CLI 20.10 looks the network up itself: "Error: No such network".
    [InlineData("podman", "push over HTTPS to a plain-HTTP registry", BridgeErrorCode.RegistryUnreachable)]
    [InlineData("podman", "push to a closed port", BridgeErrorCode.RegistryUnreachable)]
    [InlineData("docker", "push to a closed port", BridgeErrorCode.RegistryUnreachable)]
    [InlineData("podman", "login to a closed port", BridgeErrorCode.RegistryUnreachable)]
    [InlineData("docker", "login to a closed port", BridgeErrorCode.RegistryUnreachable)]
    [InlineData("podman", "push without login to an htpasswd registry", BridgeErrorCode.RegistryAuthRefused)]
    [InlineData("docker", "push without login to an htpasswd registry", BridgeErrorCode.RegistryAuthRefused)]
    [InlineData("podman", "login with a wrong password", BridgeErrorCode.RegistryAuthRefused)]
    [InlineData("docker", "login with a wrong password", BridgeErrorCode.RegistryAuthRefused)]
    [InlineData("podman", "push of an image that is not local", BridgeErrorCode.ImageNotFound)]
    [InlineData("docker", "push of an image that is not local", BridgeErrorCode.ImageNotFound)]
    [InlineData("podman", "tag of a missing source", BridgeErrorCode.ImageNotFound)]
    [InlineData("docker", "tag of a missing source", BridgeErrorCode.ImageNotFound)]
    public void Captured_stderr_of_a_noted_case_is_classified(string runtime, string note, string expected)
    {
        var failure = OciFixtureFiles.ErrorWithNote(runtime, note);

        Assert.NotEqual(0, failure.ExitCode);
        Assert.Equal(expected, OciErrorClassifier.Create(runtime).Classify(failure.StandardError));
    }

    [Theory]
    [InlineData("podman", 32)]
    [InlineData("docker", 39)]
    public void Every_captured_case_is_covered_by_a_test_case(string runtime, int cases)
    {
        Assert.Equal(cases, OciFixtureFiles.Errors(runtime).Count);
    }

    /// <summary>
    /// Each rule is proven by a captured failure of each runtime, except podman's not-running rule for docker and
    /// docker's for podman, podman's volume-exists rule (docker's <c>volume create</c> of an existing name succeeds) and
    /// docker's missing-buildx rule (podman builds secrets with buildah), and the plain-HTTP rule for docker (its daemon takes
    /// 127.0.0.0/8 as insecure, and this machine sends nothing elsewhere; the text is Go's net/http, as podman's capture shows).
    /// </summary>
    [Theory]
    [InlineData("podman", new[] { "cannot connect to the docker daemon", "buildkit is enabled but the buildx component is missing" })]
    [InlineData("docker", new[] { "cannot connect to podman", "server gave http response to https client", "volume already exists" })]
    public void Every_rule_classifies_a_captured_failure_of_each_runtime_but_the_other_runtimes_own(string runtime, string[] otherRuntimesRules)
    {
        var classifier = OciErrorClassifier.Create(runtime);
        var matched = OciFixtureFiles.Errors(runtime).Values.Select(failure => classifier.Match(failure.StandardError)).OfType<ClassifierRule>().ToHashSet();

        var unproven = OciErrorClassifier.Rules.Where(rule => !matched.Contains(rule)).Select(rule => rule.Pattern.ToString().Split('|')[0]);

        Assert.Equal(otherRuntimesRules, unproven);
    }

    [Fact]
    public void Docker_exits_1_for_its_daemons_errors_and_125_for_a_failed_run_where_podman_exits_125_so_only_stderr_is_read()
    {
        Assert.Equal(125, OciFixtureFiles.Errors("podman")["container inspect enga-nope"].ExitCode);
        Assert.Equal(1, OciFixtureFiles.Errors("docker")["container inspect engd-nope"].ExitCode);
        Assert.Equal(125, OciFixtureFiles.Errors("docker")["run --name engd-x4 --label engd=1 --network engd-nope localhost/actr-test/busybox:latest true"].ExitCode);
    }

    [Fact]
    public void Dockers_volume_create_of_an_existing_name_succeeds_silently_so_the_dialect_looks_first()
    {
        // podman fails with "volume already exists"; OciContainerRuntime.CreateVolumeAsync inspects the name first on docker.
        Assert.Equal(new OciCapturedFailure(string.Empty, 0), OciFixtureFiles.Errors("docker")["volume create engd-vol2"]);
        Assert.Equal(125, OciFixtureFiles.Errors("podman")["volume create enga-vol2"].ExitCode);
    }

    [Fact]
    public void Dockers_forced_remove_of_a_missing_container_succeeds_though_it_prints_the_error()
    {
        var failure = OciFixtureFiles.Errors("docker")["rm --force engd-nope"];

        Assert.Equal(0, failure.ExitCode);
        Assert.Contains("No such container", failure.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("podman", "--remote --url unix:///tmp/enga-nonexistent.sock ps", "podman machine start", "unable to connect to Podman socket")]
    [InlineData("docker", "--host unix:///tmp/engd-nonexistent.sock ps", "Start Docker", "Is the docker daemon running?")]
    public void The_runtime_not_running_rule_carries_the_runtimes_hint_and_the_exception_keeps_the_stderr_tail(string runtime, string command, string hint, string stderrPart)
    {
        var failure = OciFixtureFiles.Errors(runtime)[command];

        var error = OciErrorClassifier.Create(runtime).CreateException([runtime, "ps"], failure.ExitCode, failure.StandardError, "list containers");

        Assert.Equal(BridgeErrorCode.RuntimeNotRunning, error.Code);
        Assert.Contains(hint, error.Hint, StringComparison.Ordinal);
        Assert.Equal(failure.ExitCode, error.ExitCode);
        Assert.Equal(runtime, error.Runtime);
        Assert.Contains(stderrPart, error.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run --name engd-x4 --label engd=1 --network engd-nope localhost/actr-test/busybox:latest true", "network engd-nope not found", "Run 'docker run --help'")]
    [InlineData("network rm engd-nope", "network engd-nope not found", "exit status 1")]
    public void The_message_quotes_dockers_error_line_not_the_usage_pointer_or_exit_status_it_prints_after_it(string command, string quoted, string trailer)
    {
        var failure = OciFixtureFiles.Errors("docker")[command];

        var error = OciErrorClassifier.Create("docker").CreateException(["docker", .. command.Split(' ')], failure.ExitCode, failure.StandardError);

        Assert.EndsWith(quoted, error.Message, StringComparison.Ordinal);
        Assert.Contains(trailer, error.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_http_registry_asked_for_https_is_unreachable_with_the_insecure_registries_hint_and_quotes_the_runtime()
    {
        var failure = OciFixtureFiles.ErrorWithNote("podman", "push over HTTPS to a plain-HTTP registry");

        var error = OciErrorClassifier.Create("podman").CreateException(["podman", "push", "x"], failure.ExitCode, failure.StandardError, "push the image");

        Assert.Equal(BridgeErrorCode.RegistryUnreachable, error.Code);
        Assert.Contains("insecure-registries", error.Hint, StringComparison.Ordinal);
        Assert.Contains("http: server gave HTTP response to HTTPS client", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("podman", "login with a wrong password", "invalid username/password")]
    [InlineData("docker", "login with a wrong password", "failed with status: 401 Unauthorized")]
    [InlineData("docker", "push without login to an htpasswd registry", "no basic auth credentials")]
    public void A_refused_login_or_push_quotes_the_registrys_answer(string runtime, string note, string quoted)
    {
        var failure = OciFixtureFiles.ErrorWithNote(runtime, note);

        var error = OciErrorClassifier.Create(runtime).CreateException([runtime], failure.ExitCode, failure.StandardError, "log in to the registry");

        Assert.Equal(BridgeErrorCode.RegistryAuthRefused, error.Code);
        Assert.Contains(quoted, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
    }
}
