namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>
/// Secret environment values reach the container but no process's command line and no leftover file; secret
/// arguments, which only an argv can carry, reach the container process as its arguments.
/// </summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class SecretsContract<TFixture>(TFixture fixture) : RuntimeContract<TFixture>(fixture)
    where TFixture : RuntimeFixture
{
    /// <summary>While create runs, no command line on the machine shows the secret; afterwards no env file remains.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task A_secret_passed_to_create_never_appears_on_a_command_line_or_in_a_leftover_env_file()
    {
        await using var scope = BeginTest();
        var secret = $"actr-secret-{Guid.NewGuid():N}";
        var spec = scope.ServiceSpec(new Dictionary<string, string> { ["EXIT_CODE"] = "0" }) with
        {
            SecretEnvironment = new Dictionary<string, string> { ["ACTR_TEST_SECRET"] = secret },
        };
        using var sampling = new CancellationTokenSource();
        var samples = 0;
        var leaks = new List<string>();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                foreach (var commandLine in await Fixture.CommandLineSampler.SampleAsync(CancellationToken.None))
                {
                    if (commandLine.Contains(secret, StringComparison.Ordinal))
                    {
                        leaks.Add(commandLine);
                    }
                }

                Interlocked.Increment(ref samples);
            }
        });

        string id;
        try
        {
            await EventuallyAsync(() => Task.FromResult(Volatile.Read(ref samples) > 0), TimeSpan.FromSeconds(10));
            id = await scope.CreateAsync(spec);
            await Runtime.StartContainerAsync(id);
        }
        finally
        {
            sampling.Cancel();
            await sampler;
        }

        await Runtime.WaitForExitAsync(id);
        var output = new List<string>();
        await foreach (var line in Runtime.GetLogsAsync(id, follow: false))
        {
            output.Add(line.Text);
        }

        Assert.True(samples >= 2, $"only {samples} command-line samples were taken");
        Assert.Empty(leaks);
        Assert.Contains($"ENV ACTR_TEST_SECRET={secret}", output);
        Assert.Empty(BridgeTemporaryFilesContaining(secret));
    }

    /// <summary>A secret argument arrives in the container process's argv unchanged.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task A_secret_argument_reaches_the_container_process_as_its_argument()
    {
        await using var scope = BeginTest();
        var secret = $"actr-secret-arg-{Guid.NewGuid():N}";
        var spec = scope.ServiceSpec(args: ["sh", "-c", "echo \"ARG=$1\"", "_", secret]) with { SecretArgs = [4] };

        var id = await scope.CreateAsync(spec);
        await Runtime.StartContainerAsync(id);
        await Runtime.WaitForExitAsync(id);
        var output = new List<string>();
        await foreach (var line in Runtime.GetLogsAsync(id, follow: false))
        {
            output.Add(line.Text);
        }

        Assert.Contains($"ARG={secret}", output);
        Assert.Empty(BridgeTemporaryFilesContaining(secret));
    }

    /// <summary>The files under the bridge's temporary directories (<c>$TMPDIR/aspire-applecontainer-*</c>) that contain <paramref name="text"/>.</summary>
    private static IEnumerable<string> BridgeTemporaryFilesContaining(string text)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Device };
        var files = Directory.EnumerateDirectories(Path.GetTempPath(), "aspire-applecontainer-*")
            .SelectMany(directory => Directory.EnumerateFiles(directory, "*", options));
        foreach (var file in files)
        {
            string content;
            try
            {
                var info = new FileInfo(file);
                if (info.Length > 1024 * 1024)
                {
                    continue;
                }

                content = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (content.Contains(text, StringComparison.Ordinal))
            {
                yield return file;
            }
        }
    }
}
