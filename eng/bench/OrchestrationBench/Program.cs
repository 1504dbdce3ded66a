using OrchestrationBench;

// Usage: OrchestrationBench <integration bench AppHost dll> <DCP bench AppHost dll>
// Measures the integration, then DCP, then the raw runtime CLI, all on the runtime BENCH_RUNTIME names (podman, the
// default, or docker), on the same machine and images in this one run, and prints the comparison table on stdout
// (progress on stderr). It asserts nothing: see eng/bench/README.md.
if (args.Length != 2 || !File.Exists(args[0]) || !File.Exists(args[1]) || ContainerCli.Name is null)
{
    Console.Error.WriteLine("usage: [BENCH_RUNTIME=podman|docker] OrchestrationBench <Aspire.Hosting.AppleContainer.BenchAppHost.dll> <Aspire.Hosting.Dcp.BenchAppHost.dll>");
    return 2;
}

var settings = new BenchSettings();
var labels = new List<string>();
try
{
    var ours = await new AppHostBench("ours", args[0], settings, labels).RunAsync();
    var dcp = await new AppHostBench("dcp", args[1], settings, labels).RunAsync();
    var floor = await new FloorBench(settings, labels).RunAsync();
    ResultTable.Print(ours, dcp, floor, settings);
    return 0;
}
finally
{
    foreach (var label in labels)
    {
        await ContainerCli.RemoveLabelledAsync(label);
    }
}
