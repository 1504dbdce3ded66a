using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>A container of a <see cref="ScriptedRuntime"/>; every member is used under the runtime's lock.</summary>
internal sealed class ScriptedContainer(string id, RunSpec spec, string ipAddress)
{
    public string Id => id;

    public string Name => spec.Name;

    /// <summary>What it was created from.</summary>
    public RunSpec Spec => spec;

    public Dictionary<string, string> Labels { get; } = new(spec.Labels, StringComparer.Ordinal);

    public ContainerState State { get; private set; } = ContainerState.Created;

    public int? ExitCode { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>What waits for this run's exit see: its exit, or the failure of the wait.</summary>
    public TaskCompletionSource<ContainerExit> Watch { get; private set; } = NewWatch();

    /// <summary>Completes once a wait watches <see cref="Watch"/> (a wait that failed is watched afresh).</summary>
    public TaskCompletionSource Watched { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when this run ends, however it ends (followed log streams end then).</summary>
    public TaskCompletionSource Ended { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsRunning => State == ContainerState.Running;

    public void Start()
    {
        if (IsRunning)
        {
            return;
        }

        (State, ExitCode, StartedAt, FinishedAt) = (ContainerState.Running, null, DateTimeOffset.UtcNow, null);
        Watch = NewWatch();
        Watched = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Ends the run with <paramref name="exitCode"/>; a wait sees the exit, or <paramref name="waitFailure"/> when given.</summary>
    public void Exit(int? exitCode, Exception? waitFailure = null)
    {
        if (!IsRunning)
        {
            return;
        }

        (State, ExitCode, FinishedAt) = (ContainerState.Exited, exitCode, DateTimeOffset.UtcNow);
        if (waitFailure is null)
        {
            Watch.TrySetResult(new ContainerExit(exitCode, FinishedAt));
        }
        else
        {
            FailWatch(waitFailure);
        }

        Ended.TrySetResult();
    }

    /// <summary>Fails the current waits (a later wait watches afresh).</summary>
    public void FailWatch(Exception failure)
    {
        var failed = Watch;
        Watch = NewWatch();
        Watched = new(TaskCreationOptions.RunContinuationsAsynchronously);
        failed.TrySetException(failure);
    }

    public ContainerInfo ToInfo() => new()
    {
        Id = Id,
        Name = Name,
        Image = spec.Image,
        State = State,
        ExitCode = ExitCode,
        CreatedAt = StartedAt,
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
        IpAddress = IsRunning ? ipAddress : null,
        Ports = spec.Ports,
        Labels = new Dictionary<string, string>(Labels, StringComparer.Ordinal),
    };

    private static TaskCompletionSource<ContainerExit> NewWatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
