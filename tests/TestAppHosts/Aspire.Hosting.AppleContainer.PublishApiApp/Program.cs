// Answers "actr-publish-api" on / (Kestrel's port comes from ASPNETCORE_HTTP_PORTS, 8080 in the test base image).
var app = WebApplication.CreateSlimBuilder(args).Build();
app.MapGet("/", () => "actr-publish-api");
app.Run();
