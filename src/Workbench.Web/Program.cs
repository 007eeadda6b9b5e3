using Workbench.Core.Hosting;
using Workbench.Web;
using Workbench.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddWorkbenchCore(builder.Configuration);
builder.Services.AddWorkbenchHostedServices(builder.Configuration);
builder.Services.AddWorkbenchWeb(builder.Configuration);

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
await app.Services.EnsureFirstAdminAsync();
app.UseWorkbenchWeb();
app.Run();

/// <summary>Entry point, visible to the test hosts.</summary>
public partial class Program;
