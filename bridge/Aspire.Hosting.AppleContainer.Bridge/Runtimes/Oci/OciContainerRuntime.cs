using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// The OCI dialect: the bridge contract on the podman or docker CLI (docker-compatible argv, JSON output).
/// Argv comes from <see cref="OciArguments"/>, parsing from the <c>Oci*Parser</c> classes, and stderr is classified
/// only by <see cref="OciErrorClassifier"/>.
/// </summary>
internal sealed partial class OciContainerRuntime : IContainerRuntime
{
    /// <summary>The category its CLI calls are logged under (at Debug), for podman and docker alike.</summary>
    internal const string LogCategory = "Aspire.Hosting.AppleContainer.Bridge.Oci";

    private readonly OciFlavor _flavor;
    private readonly CliInvoker _invoker;
    private readonly OciArguments _arguments;
    private readonly OciExecTerminator _terminator;
    private readonly OciExitWatcher _exits;
    private volatile bool _containersAreLocalProcesses;

    /// <summary>Creates the dialect for <paramref name="name"/> (<c>podman</c> or <c>docker</c>) at <paramref name="executablePath"/>.</summary>
    /// <param name="name"><c>podman</c> or <c>docker</c>.</param>
    /// <param name="executablePath">The CLI's path.</param>
    /// <param name="runner">The process runner (the shared one when null).</param>
    public OciContainerRuntime(string name, string executablePath, ProcessRunner? runner = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(executablePath);
        _flavor = name switch
        {
            "podman" => OciFlavor.Podman,
            "docker" => OciFlavor.Docker,
            _ => throw new ArgumentException($"The OCI dialect drives 'podman' or 'docker', not '{name}'.", nameof(name)),
        };
        Name = name;
        _invoker = new CliInvoker(name, executablePath, OciErrorClassifier.Create(name), runner);
        _arguments = new OciArguments(_flavor);
        _terminator = new OciExecTerminator(_invoker, _arguments);
        _exits = new OciExitWatcher(_invoker, _arguments.ExitEvents());
        _containersAreLocalProcesses = OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("CONTAINER_HOST") is null;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Where its CLI calls are logged (at Debug); nowhere by default.</summary>
    internal ILogger Logger
    {
        get => _invoker.Logger;
        init => _invoker.Logger = value;
    }

    /// <summary>The CLI's path.</summary>
    public string ExecutablePath => _invoker.ExecutablePath;

    /// <inheritdoc />
    /// <remarks>Exec cancellation is refined by <see cref="DetectAsync"/> (a remote podman service cannot offer it).</remarks>
    public RuntimeCapabilities Capabilities => OciCapabilities.For(_flavor, _containersAreLocalProcesses);

    /// <inheritdoc />
    public async Task<RuntimeInfo> DetectAsync(CancellationToken cancellationToken = default)
    {
        ProcessResult version;
        try
        {
            version = await _invoker.RunUncheckedAsync(_arguments.Version(), cancellationToken, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Code == BridgeErrorCode.RuntimeNotFound)
        {
            return new RuntimeInfo { Name = Name, IsRunning = false, Capabilities = Capabilities, Problem = ex };
        }

        // One cheap call (far cheaper than `info`): docker's answer has a Server section only when its
        // daemon answered; podman prints one only when it talks to a service (podman-remote, podman machine), and a
        // failing exit means that service cannot be reached.
        var (clientVersion, hasServer) = OciVersionParser.Parse(version.StandardOutput);
        if (version.ExitCode != 0 || (_flavor == OciFlavor.Docker && !hasServer))
        {
            var problem = _invoker.Classifier.CreateException(_invoker.Argv(_arguments.Version()), version.ExitCode, version.StandardError, "reach its service");
            if (problem.Code == BridgeErrorCode.CliFailed)
            {
                problem = problem.WithCode(BridgeErrorCode.RuntimeNotRunning);
            }

            return new RuntimeInfo { Name = Name, ExecutablePath = ExecutablePath, IsRunning = false, Version = clientVersion, Capabilities = Capabilities, Problem = problem };
        }

        _containersAreLocalProcesses = OperatingSystem.IsLinux() && !(_flavor == OciFlavor.Podman && hasServer);
        return new RuntimeInfo { Name = Name, ExecutablePath = ExecutablePath, IsRunning = true, Version = clientVersion, Capabilities = Capabilities };
    }

    /// <inheritdoc />
    public Task<string> GetHostAddressAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_flavor == OciFlavor.Podman ? "host.containers.internal" : "host.docker.internal");

    private BridgeException Fail(IReadOnlyList<string> arguments, ProcessResult result, string operation) =>
        _invoker.Classifier.CreateException(_invoker.Argv(arguments), result.ExitCode, result.StandardError, operation);
}
