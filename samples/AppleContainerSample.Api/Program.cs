using StackExchange.Redis;

// A visit counter kept in Redis. The AppHost hands over the connection string `cache` (WithReference); the Redis
// client registers its own health check, which /health reports.
var builder = WebApplication.CreateBuilder(args);
builder.AddRedisClient("cache");
builder.Services.AddHealthChecks();

var app = builder.Build();
const string CounterKey = "sample:visits";

app.MapGet("/", () => Results.Text("Visit counter API: POST /visits counts a visit, GET /visits reads the count, GET /health.\n"));

app.MapGet("/visits", async (IConnectionMultiplexer redis) =>
    Results.Ok(new VisitCount((long?)await redis.GetDatabase().StringGetAsync(CounterKey) ?? 0)));

app.MapPost("/visits", async (IConnectionMultiplexer redis) =>
    Results.Ok(new VisitCount(await redis.GetDatabase().StringIncrementAsync(CounterKey))));

app.MapHealthChecks("/health");

app.Run();

/// <summary>The number of visits counted so far.</summary>
/// <param name="Visits">The count.</param>
internal sealed record VisitCount(long Visits);
