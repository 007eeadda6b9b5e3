using System.Text.Json.Serialization;
using MudBlazor.Services;
using Workbench.Web.Api;
using Workbench.Web.Components;

namespace Workbench.Web;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddWorkbenchWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        return services;
    }

    public static WebApplication UseWorkbenchWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }

        app.UseStatusCodePages();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapWorkbenchApi();
        app.MapCampaignApi();
        app.MapAdminApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
