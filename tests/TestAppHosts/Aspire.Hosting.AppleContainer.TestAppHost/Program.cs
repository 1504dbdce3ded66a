using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Runs one session container, named by the first argument, and prints a marker line once it is Running.
// Headless: no dashboard; the crash-cleanup test kills this process with SIGKILL and checks the container goes away.
var resourceName = args.Length > 0 ? args[0] : "engd-testapphost";
var testLabel = args.Length > 1 ? args[1] : "none";
var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    Args = [],
    DisableDashboard = true,
});
builder.AddAppleContainer(resourceName, "localhost/actr-test/service", "latest")
    .WithArgs("sleep", "300")
    .WithContainerLabel("engd.test", testLabel);

await using var app = builder.Build();
await app.StartAsync();
var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
await notifications.WaitForResourceAsync(resourceName, KnownResourceStates.Running);
Console.WriteLine("ACTR-TESTAPPHOST-RUNNING");
await app.WaitForShutdownAsync();
