using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Runs a session container "<prefix>-session" (and "<prefix>-session2".. when a count is given) and a persistent one
// "<prefix>-persistent" (all the test service,
// sleeping: SIGTERM ends them with ACTR-SERVICE-SIGTERM, SIGINT with ACTR-SERVICE-SIGINT and 130), labelled
// engd.test=<label>, and prints a marker line once both are Running. Headless: no dashboard. The runtime comes from
// the environment (ASPIRE_APPLECONTAINER_RUNTIME, ASPIRE_APPLECONTAINER_CLI). The crash-cleanup test kills this
// process with SIGKILL; the interrupt test sends SIGINT to its whole process group, as a terminal's Ctrl+C does.
var prefix = args.Length > 0 ? args[0] : "engd-testapphost";
var testLabel = args.Length > 1 ? args[1] : "none";
var sessionCount = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    Args = [],
    DisableDashboard = true,
});
var sessions = Enumerable.Range(1, sessionCount).Select(i => i == 1 ? $"{prefix}-session" : $"{prefix}-session{i}").ToList();
foreach (var session in sessions)
{
    builder.AddAppleContainer(session, "localhost/actr-test/service", "latest")
        .WithArgs("sleep", "300")
        .WithContainerLabel("engd.test", testLabel);
}

builder.AddAppleContainer($"{prefix}-persistent", "localhost/actr-test/service", "latest")
    .WithArgs("sleep", "300")
    .WithContainerLabel("engd.test", testLabel)
    .WithLifetime(ContainerLifetime.Persistent);

await using var app = builder.Build();
await app.StartAsync();
var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
foreach (var session in sessions)
{
    await notifications.WaitForResourceAsync(session, KnownResourceStates.Running);
}

await notifications.WaitForResourceAsync($"{prefix}-persistent", KnownResourceStates.Running);
Console.WriteLine("ACTR-TESTAPPHOST-RUNNING");
await app.WaitForShutdownAsync();
