using Workbench.Core.Domain;

namespace Workbench.TestSupport;

/// <summary>Who a test acts as when it calls the core services directly, without a signed-in user.</summary>
public static class TestActor
{
    public static Actor Instance { get; } = new(null, "test", "test");
}
