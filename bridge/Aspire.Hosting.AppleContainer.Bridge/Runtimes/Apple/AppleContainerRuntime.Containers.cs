using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <content>Container lifecycle: create, stop, kill, remove, inspect, list.</content>
internal sealed partial class AppleContainerRuntime
{
    private static readonly TimeSpan ObserverSettle = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<string> CreateContainerAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        RunSpecValidator.ValidateFor(spec, Capabilities, Name);
        AppleSpecRules.Validate(spec);
        if (spec.Ports.Count > 0 && !_options.AllowHomebrewPublishedPorts && AppleInstallation.IsHomebrew(ExecutablePath))
        {
            throw AppleInstallation.HomebrewPublishedPorts(ExecutablePath);
        }

        await ThrowOnVolumeConflictAsync(spec.Name, spec.Mounts, cancellationToken).ConfigureAwait(false);
        string? filesImage = null;
        if (spec.Files.Count > 0)
        {
            spec = await WithFilesImageAsync(spec, cancellationToken).ConfigureAwait(false);
            filesImage = spec.Image;
        }

        // Every variable goes through the env file: plain ones must not reach an argv either (RunSpec.Environment).
        var environment = spec.Environment.Concat(spec.SecretEnvironment).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        ProcessResult result;
        using (var envFile = environment.Count > 0 ? EnvFile.Create(environment) : null)
        {
            // Secret arguments can only go on this argv: `create` takes the init process's arguments as passthrough
            // argv and reads no file for them (ContainerCreate.swift@1.2.2:55; Flags.swift@1.2.2 has --env-file for
            // variables only). The attached `start` that outlives it carries the id alone.
            result = await _invoker.RunAsync(
                AppleArguments.Create(spec, envFile?.Path), "create the container", cancellationToken, secrets: CliArgvRedaction.SecretsOf(spec)).ConfigureAwait(false);
        }

        // ContainerCreate.swift @1.0.0 prints the id (the --name) on stdout.
        var id = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? spec.Name;
        _observers.Forget(id);
        if (filesImage is not null)
        {
            _filesImages[id] = filesImage;
        }

        return id;
    }

    /// <inheritdoc />
    public async Task StopContainerAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        // `stop` is idempotent for a stopped container (ContainersService.stop @1.0.0: no runtime client, return).
        using (await _gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await _invoker.RunAsync(AppleArguments.Stop(id, gracePeriod), "stop the container", cancellationToken, gracePeriod + TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        }

        await SettleObserverAsync(id).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task KillContainerAsync(string id, string? signal = null, CancellationToken cancellationToken = default)
    {
        await _invoker.RunAsync(AppleArguments.Kill(id, signal), "kill the container", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Apple has no anonymous volumes to remove with the container; <paramref name="removeVolumes"/> changes nothing.</remarks>
    public async Task RemoveContainerAsync(string id, bool force = true, bool removeVolumes = false, CancellationToken cancellationToken = default)
    {
        using (await _gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await _invoker.RunAsync(AppleArguments.Delete(id, force), "remove the container", cancellationToken).ConfigureAwait(false);
        }

        await SettleObserverAsync(id).ConfigureAwait(false);
        _observers.Forget(id);
        if (_filesImages.TryRemove(id, out var filesImage))
        {
            await RemoveUnusedFilesImageAsync(filesImage, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<ContainerInfo> InspectContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        var result = await _invoker.RunAsync(AppleArguments.Inspect(id), "inspect the container", cancellationToken).ConfigureAwait(false);
        var info = AppleContainerParser.Parse(result.StandardOutput, "inspect").FirstOrDefault(c => c.Id == id)
            ?? throw new BridgeException(BridgeErrorCode.ContainerNotFound, $"{Name} has no container '{id}'.") { Runtime = Name };
        return Normalize(info);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        var all = await ListAllAsync(cancellationToken).ConfigureAwait(false);
        if (labels is null || labels.Count == 0)
        {
            return all;
        }

        // No server-side filters in 1.x (ContainerList.swift @1.0.0): match normalised keys and decoded values here.
        var wanted = labels.Select(l => (Key: LabelCodec.NormalizeKey(l.Key), l.Value)).ToList();
        return [.. all.Where(c => wanted.All(w => c.Labels.TryGetValue(w.Key, out var value) && value == w.Value))];
    }

    private async Task<IReadOnlyList<ContainerInfo>> ListAllAsync(CancellationToken cancellationToken)
    {
        var result = await _invoker.RunAsync(AppleArguments.List(), "list containers", cancellationToken).ConfigureAwait(false);
        return [.. AppleContainerParser.Parse(result.StandardOutput, "list").Select(Normalize)];
    }

    private async Task ThrowOnVolumeConflictAsync(string id, IReadOnlyList<MountSpec> mounts, CancellationToken cancellationToken)
    {
        if (!mounts.Any(m => m.Kind == MountKind.Volume))
        {
            return;
        }

        if (AppleVolumeGuard.FindConflict(id, mounts, await ListAllAsync(cancellationToken).ConfigureAwait(false)) is { } conflict)
        {
            throw conflict;
        }
    }

    /// <summary>
    /// Adds what this process knows to an inspected container: a stopped container without <c>startedDate</c> that is
    /// known to have run is Exited, not Created (after the API server restarts every container loads that way:
    /// ContainersService.swift@1.2.2:136-141), and a stopped container gets the exit code and finish time its observer
    /// saw, when they were confirmed as the container's.
    /// </summary>
    private ContainerInfo Normalize(ContainerInfo info)
    {
        if (info.StartedAt is not null)
        {
            _observers.MarkRan(info.Id);
        }
        else if (info.State == ContainerState.Created && _observers.HasRun(info.Id))
        {
            info = info with { State = ContainerState.Exited };
        }

        if (info.State != ContainerState.Exited || _observers.CompletedExit(info.Id, info.StartedAt) is not { } exit)
        {
            return info;
        }

        return info with { ExitCode = exit.ObserverExitCode, FinishedAt = exit.EndedAt };
    }

    /// <summary>Waits briefly for an observer to record the exit that a stop or delete just caused.</summary>
    private async Task SettleObserverAsync(string id)
    {
        if (_observers.Observer(id) is { } observer)
        {
            try
            {
                await observer.Completion.WaitAsync(ObserverSettle).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Still attached (the container outlived the call); WaitForExitAsync keeps watching it.
            }
        }
    }
}
