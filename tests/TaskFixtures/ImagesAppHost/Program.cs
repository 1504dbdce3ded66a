// With ACTR_SERVE_PORT set this is an Aspire AppHost: it runs the alpha image `dotnet build` produced, named by the
// generated constants, and serves its /app folder on that port of 127.0.0.1 until Ctrl+C.
if (Environment.GetEnvironmentVariable("ACTR_SERVE_PORT") is { Length: > 0 } servePort)
{
    var builder = DistributedApplication.CreateBuilder(args);
    builder.AddAppleContainer("alpha", AppleContainerImages.Alpha.Image, AppleContainerImages.Alpha.Tag)
           .WithEntrypoint("/bin/httpd")
           .WithArgs("-f", "-p", "8080", "-h", "/app")
           .WithHttpEndpoint(port: int.Parse(servePort, System.Globalization.CultureInfo.InvariantCulture), targetPort: 8080);
    builder.Build().Run();
    return;
}

// Otherwise it prints the generated constants, which name the images `dotnet build` produced without repeating their tags.
Console.WriteLine(AppleContainerImages.Alpha.Reference);
Console.WriteLine(AppleContainerImages.Beta.Image + ":" + AppleContainerImages.Beta.Tag);
Console.WriteLine(AppleContainerImages.Gamma.Reference);
