using System.Globalization;
using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <content>Container lifecycle: create, start, stop, kill, remove, inspect, list, wait.</content>
internal sealed partial class OciContainerRuntime
{
    /// <inheritdoc />
    public Task<string> CreateContainerAsync(RunSpec spec, CancellationToken cancellationToken = default) =>
        CreateAsync(spec, detachedStart: false, cancellationToken);

    /// <inheritdoc />
    /// <remarks>One <c>run --detach</c>: the same options as <c>create</c>, one process fewer on every start.</remarks>
    public async Task<ContainerInfo> RunContainerAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        var id = await CreateAsync(spec, detachedStart: true, cancellationToken).ConfigureAwait(false);
        return await InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> CreateAsync(RunSpec spec, bool detachedStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        RunSpecValidator.ValidateFor(spec, Capabilities, Name);
        // Files go into the created container before it starts (as DCP copies them), so they need create, cp, start.
        var runAtOnce = detachedStart && spec.Files.Count == 0;
        ProcessResult result;
        using (var envFile = spec.SecretEnvironment.Count > 0 ? EnvFile.Create(spec.SecretEnvironment) : null)
        {
            // Secret arguments can only go on this short-lived argv: podman and docker read no file or stdin for a
            // container's command (DCP passes it on argv too); the log and any error redact them.
            var secrets = CliArgvRedaction.SecretsOf(spec);
            result = runAtOnce
                ? await _invoker.RunAsync(_arguments.Run(spec, envFile?.Path), "run the container", cancellationToken, secrets: secrets).ConfigureAwait(false)
                : await _invoker.RunAsync(_arguments.Create(spec, envFile?.Path), "create the container", cancellationToken, secrets: secrets).ConfigureAwait(false);
        }

        var id = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new BridgeException(BridgeErrorCode.UnparseableOutput, $"{Name} created '{spec.Name}' but printed no id.") { Runtime = Name };
        if (spec.Files.Count > 0)
        {
            await CopyFilesAsync(id, spec.Files, cancellationToken).ConfigureAwait(false);
            if (detachedStart)
            {
                await _invoker.RunAsync(_arguments.Start(id), "start the container", cancellationToken).ConfigureAwait(false);
            }
        }

        return id;
    }

    /// <summary>
    /// <c>cp - id:/</c> with the files' tar on stdin, as DCP's <c>CreateFiles</c> does (microsoft/dcp
    /// <c>internal/podman/cli_orchestrator.go</c>, <c>internal/docker/cli_orchestrator.go</c>), keeping the tar's owners
    /// (<see cref="OciArguments.CopyArchive"/>).
    /// </summary>
    private async Task CopyFilesAsync(string id, IReadOnlyList<ContainerFileSet> files, CancellationToken cancellationToken)
    {
        var archive = Files.ContainerFilesArchive.ToBytes(files, DateTimeOffset.UtcNow);
        await _invoker.RunWithInputAsync(_arguments.CopyArchive(id), "copy the files into the container", archive, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ContainerInfo> StartContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        await _invoker.RunAsync(_arguments.Start(id), "start the container", cancellationToken).ConfigureAwait(false);
        return await InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task StopContainerAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default) =>
        _invoker.RunAsync(_arguments.Stop(id, gracePeriod), "stop the container", cancellationToken, gracePeriod + TimeSpan.FromMinutes(1));

    /// <inheritdoc />
    public Task KillContainerAsync(string id, string? signal = null, CancellationToken cancellationToken = default) =>
        _invoker.RunAsync(_arguments.Kill(id, signal), "kill the container", cancellationToken);

    /// <inheritdoc />
    public Task RemoveContainerAsync(string id, bool force = true, bool removeVolumes = false, CancellationToken cancellationToken = default) =>
        _invoker.RunAsync(_arguments.Remove(id, force, removeVolumes), "remove the container", cancellationToken);

    /// <inheritdoc />
    public async Task<ContainerInfo> InspectContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        var result = await _invoker.RunAsync(_arguments.Inspect([id]), "inspect the container", cancellationToken).ConfigureAwait(false);
        return OciInspectParser.Parse(result.StandardOutput, Name).FirstOrDefault()
            ?? throw new BridgeException(BridgeErrorCode.ContainerNotFound, $"{Name} has no container '{id}'.") { Runtime = Name };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        var encoded = LabelCodec.Encode(labels ?? new Dictionary<string, string>());
        var list = await _invoker.RunAsync(_arguments.ListIds(encoded), "list containers", cancellationToken).ConfigureAwait(false);
        var ids = Lines(list.StandardOutput);
        if (ids.Count == 0)
        {
            return [];
        }

        var arguments = _arguments.Inspect(ids);
        var batch = await _invoker.RunUncheckedAsync(arguments, cancellationToken).ConfigureAwait(false);
        if (batch.ExitCode == 0)
        {
            return OciInspectParser.Parse(batch.StandardOutput, Name);
        }

        // A container was removed between the list and the inspect: inspect one by one and skip the missing.
        var containers = new List<ContainerInfo>();
        foreach (var id in ids)
        {
            try
            {
                containers.Add(await InspectContainerAsync(id, cancellationToken).ConfigureAwait(false));
            }
            catch (BridgeException ex) when (ex.Code == BridgeErrorCode.ContainerNotFound)
            {
            }
        }

        return containers;
    }

    /// <inheritdoc />
    public async Task<ContainerExit> WaitForExitAsync(string id, CancellationToken cancellationToken = default)
    {
        // Subscribe first, then inspect: a death after the inspect arrives as an event (or in the stream's replay).
        var containerId = id;
        for (var streamLosses = 0; ; )
        {
            using var registration = _exits.Register(containerId);
            var info = await InspectContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
            if (info.Id != containerId)
            {
                containerId = info.Id; // Asked by name or short id, while events carry the full id: subscribe under it and look again.
                continue;
            }

            if (HasEnded(info))
            {
                return new ContainerExit(info.ExitCode, info.FinishedAt);
            }

            int? eventExitCode;
            try
            {
                eventExitCode = await registration.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OciExitStreamLostException) when (++streamLosses < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (OciExitStreamLostException)
            {
                return await WaitWithCliAsync(containerId, cancellationToken).ConfigureAwait(false); // No event stream here.
            }

            // Confirm with inspect: an event replayed from an earlier run of a restarted container must not end the wait.
            for (var attempt = 0; attempt < 10; attempt++)
            {
                try
                {
                    info = await InspectContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
                }
                catch (BridgeException ex) when (ex.Code == BridgeErrorCode.ContainerNotFound)
                {
                    return new ContainerExit(eventExitCode); // Removed right after it exited (e.g. --rm); the event had the code.
                }

                if (HasEnded(info))
                {
                    return new ContainerExit(info.ExitCode ?? eventExitCode, info.FinishedAt);
                }

                if (info.State == ContainerState.Running)
                {
                    break; // Running again: the event was an earlier run's.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool HasEnded(ContainerInfo info) => info.State is ContainerState.Exited or ContainerState.Dead;

    /// <summary>The fallback where no event stream can run: the CLI's own <c>wait</c>.</summary>
    private async Task<ContainerExit> WaitWithCliAsync(string id, CancellationToken cancellationToken)
    {
        var arguments = _arguments.Wait(id);
        var request = _invoker.CreateRequest(arguments) with { Timeout = null };
        var result = await _invoker.Runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw Fail(arguments, result, "wait for the container");
        }

        int? exitCode = int.TryParse(Lines(result.StandardOutput).LastOrDefault(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) ? code : null;
        DateTimeOffset? finishedAt = null;
        try
        {
            finishedAt = (await InspectContainerAsync(id, cancellationToken).ConfigureAwait(false)).FinishedAt;
        }
        catch (BridgeException ex) when (ex.Code == BridgeErrorCode.ContainerNotFound)
        {
            // Removed right after it exited (e.g. --rm); the exit code is still known.
        }

        return new ContainerExit(exitCode, finishedAt);
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
