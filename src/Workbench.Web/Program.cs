using Workbench.Core.Hosting;
using Workbench.Web;
using Workbench.Web.Security;

var builder = WebApplication.CreateBuilder(args);
// The packages' static files (MudBlazor's, Blazor's script) from a build's output in any environment, since
// scripts/run.sh serves the build in Production; in published output they are in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddWorkbenchCore(builder.Configuration);
builder.Services.AddWorkbenchHostedServices(builder.Configuration);
builder.Services.AddWorkbenchWeb(builder.Configuration);
builder.Services.AddWorkbenchTelemetry(builder.Configuration).WithWebInstrumentation(builder.Configuration);

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
await app.Services.EnsureFirstAdminAsync();
app.UseWorkbenchWeb();
app.Run();

/// <summary>Entry point, visible to the test hosts.</summary>
public partial class Program;
