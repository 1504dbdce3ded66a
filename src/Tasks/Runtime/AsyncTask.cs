using System.Collections.Concurrent;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Tasks.Diagnostics;
using Microsoft.Build.Framework;

namespace Aspire.Hosting.AppleContainer.Tasks.Runtime;

/// <summary>
/// A task whose work is asynchronous (bridge calls). <see cref="Execute"/> runs the work on the thread pool and logs,
/// on MSBuild's own thread, whatever the work <see cref="Post"/>s meanwhile (builder progress arrives on the process
/// runner's threads). <see cref="Cancel"/> (Ctrl+C) cancels the work, which stops any child process.
/// Public only because the public tasks derive from it; only this assembly can derive from it.
/// </summary>
public abstract class AsyncTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly BlockingCollection<Action> _pending = new();

    /// <summary>Creates the task with the product's message resources.</summary>
    private protected AsyncTask()
        : base(TaskMessages.ResourceManager)
    {
    }

    /// <summary>Selects the container runtime; tests replace it, the build uses the integration's selection (environment variables).</summary>
    internal Func<CancellationToken, Task<IContainerRuntime>> SelectRuntime { get; set; } =
        cancellationToken => ContainerRuntimeSelector.SelectAsync(RuntimeSelectionOptions.FromEnvironment(), cancellationToken);

    /// <inheritdoc />
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        var work = System.Threading.Tasks.Task.Run(() => ExecuteAsync(_cancellation.Token));
        _ = work.ContinueWith(_ => _pending.CompleteAdding(), TaskScheduler.Default);
        foreach (var action in _pending.GetConsumingEnumerable())
        {
            action();
        }

        try
        {
            work.GetAwaiter().GetResult();
        }
        catch (BridgeException ex)
        {
            Log.BridgeError(ex);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // Canceled (Ctrl+C): not a failure to report; MSBuild reports the canceled build.
            return false;
        }
        catch (Exception ex) when (DiagnosticLog.IsFileAccess(ex))
        {
            Log.FileAccessError(GetType().Name, ex);
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The task's work.</summary>
    private protected abstract System.Threading.Tasks.Task ExecuteAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="action"/> (typically a log call) on MSBuild's thread.</summary>
    private protected void Post(Action action)
    {
        try
        {
            _pending.Add(action);
        }
        catch (InvalidOperationException)
        {
            // The work has completed; nothing else is logged from it.
        }
    }
}
