using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using BenchAppHosts;

// This integration runs the containers (ASPIRE_APPLECONTAINER_RUNTIME selects podman or docker).
return await BenchApp.RunAsync(args, (builder, name, label) =>
    builder.AddAppleContainer(name, BenchApp.ServiceImage, BenchApp.ServiceTag)
        .WithContainerLabel(BenchApp.RunLabel, label));
