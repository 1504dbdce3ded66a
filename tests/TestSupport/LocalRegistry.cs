namespace Aspire.Hosting.AppleContainer.TestSupport;

/// <summary>
/// The registry on 127.0.0.1:80 for pull and push tests that name images <c>localhost/name:tag</c>: a
/// <see cref="TestRegistry"/> shared by the tests of one process (reference counted) and stopped, storage removed, when the
/// last user releases it. Port 80 because Apple's CLI talks plain HTTP under <c>--scheme auto</c> only to a domain that is
/// exactly <c>localhost</c> or a private IPv4 address, with no port (RequestScheme.swift@1.2.2:60–96 is given the
/// reference's domain, port included), so <c>localhost/name:tag</c> is the one form that reaches a local registry without
/// a scheme flag. Tests that need a registry of their own (a free port, auth) start a <see cref="TestRegistry"/>.
/// </summary>
public static class LocalRegistry
{
    /// <summary>The executable of Debian's docker-registry package.</summary>
    public const string Executable = TestRegistry.Executable;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static int _users;
    private static TestRegistry? _registry;

    /// <summary>Why the registry cannot run here, or null.</summary>
    public static string? SkipReason => TestRegistry.SkipReason;

    /// <summary>Starts the registry (or joins the running one); dispose the lease to release it.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_users == 0)
            {
                try
                {
                    _registry = await TestRegistry.StartAsync(port: 80);
                }
                catch (InvalidOperationException ex)
                {
                    throw new InvalidOperationException($"{ex.Message} Is 127.0.0.1:80 taken?", ex);
                }
            }

            _users++;
            return new Lease();
        }
        finally
        {
            Gate.Release();
        }
    }

    private sealed class Lease : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            await Gate.WaitAsync();
            try
            {
                if (--_users == 0 && _registry is { } registry)
                {
                    _registry = null;
                    await registry.DisposeAsync();
                }
            }
            finally
            {
                Gate.Release();
            }
        }
    }
}
