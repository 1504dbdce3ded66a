using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.AppleContainer.ReliabilityTests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Runtime;

/// <summary>
/// Resources that cannot run, each with one bad input, keyed by resource-name suffix. Each must end FailedToStart with
/// a coded (<c>ACTRnnnn</c>) error of its own while the rest of the application runs.
/// </summary>
internal sealed class BadInputs : IDisposable
{
    private readonly TcpListener _heldPort = new(IPAddress.Loopback, 0);
    private readonly DirectoryInfo _bindSource = Directory.CreateTempSubdirectory("engh-bind-");

    public BadInputs() => _heldPort.Start();

    /// <summary>A container name the test creates in podman before the application starts.</summary>
    public static string TakenName(string prefix) => $"{prefix}-taken";

    public IReadOnlyDictionary<string, Action<IResourceBuilder<AppleContainerResource>>> Create(ReliabilityApp test, IResourceBuilder<ParameterResource> multiLineSecret)
    {
        var heldPort = ((IPEndPoint)_heldPort.LocalEndpoint).Port;
        var bind = _bindSource.FullName;
        static void Image(IResourceBuilder<AppleContainerResource> r, string image, string tag = "latest") => r.WithImage(image, tag);
        return new Dictionary<string, Action<IResourceBuilder<AppleContainerResource>>>
        {
            ["image-tag-too-long"] = r => Image(r, "localhost/actr-test/service", new string('t', 200)),
            ["image-double-slash"] = r => Image(r, "localhost//service"),
            ["image-uppercase"] = r => Image(r, "localhost/ENGH/Service"),
            ["image-bad-digest"] = r => r.WithImage("localhost/actr-test/service").WithImageSHA256("nothex"),
            ["image-too-long"] = r => Image(r, "localhost/" + new string('a', 600)),
            ["image-bad-tag"] = r => Image(r, "localhost/actr-test/service", "bad tag"),
            ["image-missing"] = r => Image(r, "localhost/engh/does-not-exist", "1"),
            ["image-unicode"] = r => Image(r, "localhost/sérvice"),
            ["name-leading-dash"] = r => r.WithContainerName("-engh-bad"),
            ["name-space"] = r => r.WithContainerName("engh bad"),
            ["name-too-long"] = r => r.WithContainerName("engh" + new string('n', 200)),
            ["name-taken"] = r => r.WithContainerName(TakenName(test.Prefix)),
            ["port-held"] = r => r.WithHttpEndpoint(port: heldPort, targetPort: 8080),
            ["port-twice"] = r => r.WithHttpEndpoint(port: heldPort + 1, targetPort: 8080, name: "a").WithHttpEndpoint(port: heldPort + 1, targetPort: 8081, name: "b"),
            ["port-host-out-of-range"] = r => r.WithHttpEndpoint(port: 70000, targetPort: 8080),
            ["port-target-out-of-range"] = r => r.WithHttpEndpoint(targetPort: 70000),
            ["port-host-zero"] = r => r.WithHttpEndpoint(port: 0, targetPort: 8080),
            ["port-none"] = r => r.WithEndpoint(name: "none"),
            ["bind-missing"] = r => r.WithBindMount("/nonexistent/engh/source", "/data"),
            ["bind-relative-missing"] = r => r.WithBindMount("engh-missing-relative", "/data"),
            ["bind-relative-target"] = r => r.WithBindMount(bind, "relative/target"),
            ["mounts-same-target"] = r => r.WithBindMount(bind, "/data").WithVolume("/data"),
            ["volume-bad-name"] = r => r.WithVolume("bad volume!", "/data"),
            ["volume-name-too-long"] = r => r.WithVolume("v" + new string('x', 200), "/data"),
            ["runtime-arg-bad-value"] = r => r.WithContainerRuntimeArgs("--cpus", "many"),
            ["runtime-arg-unknown"] = r => r.WithContainerRuntimeArgs("--engh-no-such-flag"),
            ["env-name-equals"] = r => r.WithEnvironment("A=B", "x"),
            ["env-name-space"] = r => r.WithEnvironment("A B", "x"),
            ["env-value-nul"] = r => r.WithEnvironment("NUL_VALUE", "a\0b"),
            ["env-secret-newline"] = r => r.WithEnvironment("SECRET_LINES", multiLineSecret),
            ["env-value-huge"] = r => r.WithEnvironment("HUGE", new string('h', 4 * 1024 * 1024)),
            ["label-newline"] = r => r.WithContainerLabel("engh.bad", "a\nb"),
            ["label-nul"] = r => r.WithContainerLabel("engh.bad", "a\0b"),
            ["label-huge"] = r => r.WithContainerLabel("engh.huge", new string('l', 256 * 1024)),
            ["entrypoint-unknown"] = r => r.WithEntrypoint("/engh/no/such/entrypoint"),
            ["entrypoint-blank"] = r => r.WithEntrypoint(" "),
            // A secret argument runs (it can only travel as argv); one holding NUL cannot be an argv element.
            ["args-secret-nul"] = r => r.WithArgs(ReferenceExpression.Create($"nul\0{multiLineSecret}")),
        };
    }

    public void Dispose()
    {
        _heldPort.Stop();
        _bindSource.Delete(recursive: true);
    }
}
