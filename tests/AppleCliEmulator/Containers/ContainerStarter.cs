using System.Text.Json.Nodes;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Json;
using AppleCliEmulator.Runtime;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Containers;

/// <summary>
/// ContainerStart.run (ContainerStart.swift@1.2.2:44–115): look the container up (<c>get failed: container … not found</c>),
/// a running one prints its id or, attached, fails; virtiofs sources must still exist; then bootstrap and start the init
/// process: detached prints the id, attached relays the output and ends with the init process's status. A bootstrap
/// failure is wrapped as "failed to bootstrap container" (ContainerClient.swift@1.2.2:146–159).
/// </summary>
internal static class ContainerStarter
{
    public static int Start(EmulatorState state, string id, bool attach)
    {
        ServiceGate.RequireList(state);
        var record = state.Container(id);
        AttachedSession? session = null;
        using (var startLock = StartLock(record))
        {
            if (!record.Exists)
            {
                throw CliFailure.Of(ContainerizationError.NotFound($"get failed: container {id} not found"));
            }

            if (record.Status().IsRunning)
            {
                if (attach)
                {
                    throw CliFailure.Of(ContainerizationError.InvalidArgument("attach is currently unsupported on already running containers"));
                }

                Console.Out.WriteLine(id);
                return 0;
            }

            foreach (var mount in record.Configuration()["mounts"] as JsonArray ?? [])
            {
                if (mount?["type"]?["virtiofs"] is not null && mount["source"]?.GetValue<string>() is { } source && !Path.Exists(source))
                {
                    throw CliFailure.Of(ContainerizationError.InvalidState($"mount source path '{source}' does not exist"));
                }
            }

            if (record.IsVirtual)
            {
                record.WriteRun(RunRecord.Started(Guid.NewGuid().ToString("N"), SwiftDate.Now(), [], 0));
                Console.Out.WriteLine(id);
                return 0;
            }

            var token = Guid.NewGuid().ToString("N");
            session = attach ? AttachedSession.Create(state, token) : null;
            string? failure;
            try
            {
                using var boot = TransitionJournal.Begin(state, "boot", id);
                failure = HelperLauncher.Launch(record, token, session?.Files.Directory);
            }
            catch
            {
                session?.Dispose();
                throw;
            }

            if (failure is not null)
            {
                session?.Dispose();
                var separator = failure.LastIndexOf('|');
                var cause = separator < 0
                    ? new ContainerizationError("internalError", failure)
                    : new ContainerizationError(failure[(separator + 1)..], failure[..separator]);
                throw CliFailure.Of(ContainerizationError.Internal("failed to bootstrap container", cause));
            }
        }

        if (session is null)
        {
            Console.Out.WriteLine(id);
            return 0;
        }

        using (session)
        {
            return AttachedRelay.Run(session, record);
        }
    }

    /// <summary>Serializes starts of one container (a second start waits and then sees it running).</summary>
    private static FileStream? StartLock(ContainerRecord record)
    {
        if (!Directory.Exists(record.Directory))
        {
            return null;
        }

        var path = Path.Combine(record.Directory, ".start.lock");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }
        }
    }
}
