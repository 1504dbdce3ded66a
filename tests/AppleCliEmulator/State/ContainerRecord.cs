using System.Text.Json.Nodes;

namespace AppleCliEmulator.State;

/// <summary>
/// One container's directory: <c>configuration.json</c> (Apple's ContainerConfiguration as the API server stores it),
/// <c>podman.json</c> (the podman container behind it), <c>run.json</c> (the current run: start, attachments, helper,
/// exit), <c>stdio.log</c> (the container log, Bundle+Log.swift@1.2.2:22–23) and, for the BuildKit container, <c>virtual</c>.
/// </summary>
internal sealed class ContainerRecord(EmulatorState state, string id)
{
    public string Id { get; } = id;

    public EmulatorState State { get; } = state;

    public string Directory => Path.Combine(State.ContainersDirectory, Id);

    public string ConfigurationPath => Path.Combine(Directory, "configuration.json");

    public string PodmanPath => Path.Combine(Directory, "podman.json");

    public string RunPath => Path.Combine(Directory, "run.json");

    public string LogPath => Path.Combine(Directory, "stdio.log");

    public bool Exists => File.Exists(ConfigurationPath);

    /// <summary>A container with no podman container behind it (the BuildKit builder, BuilderStart.swift@1.2.2).</summary>
    public bool IsVirtual => File.Exists(Path.Combine(Directory, "virtual"));

    public string PodmanName => State.PodmanName(Id);

    public JsonObject Configuration() => JsonFile.Read(ConfigurationPath) ?? throw new IOException($"{Id} has no configuration");

    public RunRecord? Run() => JsonFile.Read(RunPath) is { } run ? new RunRecord(run) : null;

    public void WriteRun(RunRecord run) => JsonFile.Write(RunPath, run.Node);

    public void ClearRun() => File.Delete(RunPath);

    /// <summary>The container's state as the API server reports it (ContainersService.swift@1.2.2).</summary>
    public ContainerStatus Status()
    {
        var run = Run();
        if (run is null)
        {
            return new ContainerStatus("stopped", null, []);
        }

        if (run.IsRunning && (IsVirtual || run.HelperAlive() || Podman.PodmanCli.IsRunning(PodmanName)))
        {
            return new ContainerStatus("running", run.StartedDate, run.Networks);
        }

        return new ContainerStatus("stopped", run.StartedDate, []);
    }
}
