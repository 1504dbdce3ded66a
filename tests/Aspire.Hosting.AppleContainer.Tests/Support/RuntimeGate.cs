namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// Holds the next call of one operation of a <see cref="ScriptedRuntime"/> before it takes effect, until the test
/// releases it (the call then does what it does) or fails it (the call throws). A canceled caller stops waiting.
/// </summary>
internal sealed class RuntimeGate(string operation)
{
    private readonly TaskCompletionSource<string> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The operation held.</summary>
    public string Operation => operation;

    /// <summary>Completes with the call's target once a call arrived at the gate; fails the test after <see cref="RunnerHarness.Bound"/>.</summary>
    public Task<string> ReachedAsync() => RunnerHarness.BoundedAsync(_reached.Task, $"a '{operation}' call to reach its gate");

    /// <summary>Lets the held call go on.</summary>
    public void Release() => _opened.TrySetResult();

    /// <summary>Makes the held call throw <paramref name="exception"/> without taking effect.</summary>
    public void Fail(Exception exception) => _opened.TrySetException(exception);

    /// <summary>Called by the runtime: waits at the gate.</summary>
    public async Task PassAsync(string target, CancellationToken cancellationToken)
    {
        _reached.TrySetResult(target);
        await _opened.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
