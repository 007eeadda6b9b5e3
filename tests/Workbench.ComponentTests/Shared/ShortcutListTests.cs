using Workbench.Web.Components.Shared;

namespace Workbench.ComponentTests.Shared;

public class ShortcutListTests : ComponentTestContext
{
    private static readonly IReadOnlyList<KeyboardShortcut> Keys = [new("Esc", "close the passage"), new("?", "show or hide this list")];

    [Fact]
    public void TheListIsHiddenUntilItsButtonShowsItAndSaysSo()
    {
        var cut = Render<ShortcutList>(p => p.Add(c => c.Id, "keys").Add(c => c.Shortcuts, Keys));
        var list = () => cut.Find("#keys-keys");
        Assert.True(list().HasAttribute("hidden"));
        Assert.Equal("false", cut.Find("#keys-toggle").GetAttribute("aria-expanded"));
        Assert.Equal("keys-keys", cut.Find("#keys-toggle").GetAttribute("aria-controls"));

        cut.Find("#keys-toggle").Click();

        Assert.False(list().HasAttribute("hidden"));
        Assert.Equal("true", cut.Find("#keys-toggle").GetAttribute("aria-expanded"));
        Assert.Equal(["Esc", "?"], list().QuerySelectorAll("kbd").Select(k => k.TextContent));
        Assert.Equal(["close the passage", "show or hide this list"], list().QuerySelectorAll("dd").Select(d => d.TextContent));
    }
}
