using VirtLint.RuleLanguage.Plan;

namespace VirtLint.RuleLanguage.Tests;

/// <summary>
/// What a check requires of a document (<see cref="RequiredNodes"/>), written one clause per <c>;</c> and the nodes of
/// a clause joined by <c>|</c>: an element by its name, an attribute as <c>element@name=value</c> (without the element
/// when any element's will do, without the value when any value will).
/// </summary>
public sealed class RequiredNodesTests
{
    [Theory]
    // Every named step, each predicate's conditions, an attribute step (of the element before it), and an attribute
    // compared with '=' to a string literal.
    [InlineData("devices/controller[@type = 'usb'][@model = 'none']", "true()", "devices; controller; controller@type=usb; controller@model=none")]
    [InlineData("//disk/target", "true()", "disk; target")]
    [InlineData("devices/disk/@bus", "true()", "devices; disk; disk@bus")]
    [InlineData("devices/disk['virtio' = target/@bus]", "true()", "devices; disk; target; target@bus=virtio")]
    [InlineData("devices/*/boot[@order]", "true()", "devices; boot; boot@order")]
    [InlineData("devices/*[@type = 'pci']", "true()", "devices; @type=pci")]
    [InlineData("devices/disk[../@x = 'y']", "true()", "devices; disk; @x=y")]
    // Either side of 'or' or '|': the product of their clauses.
    [InlineData("devices/*[(target/@bus = 'usb') or (@model = 'usb')]", "true()", "devices; target | @model=usb; @model=usb | target@bus=usb")]
    [InlineData("devices/disk | devices/interface", "true()", "devices; disk | interface")]
    [InlineData("devices/disk[@bus = 'usb'] | devices/interface", "true()", "devices; disk | interface; interface | disk@bus=usb")]
    // A report test's conditions join the context's; the test runs on the context node, a disk.
    [InlineData("devices/disk", "@bus = 'usb' and boolean(driver) and exists(driver/@io)", "devices; disk; disk@bus=usb; driver; driver@io")]
    // No condition: the root, not(), '!=', an element's value, a boolean comparison, a number, a parameter, a function.
    [InlineData(".", "true()", "")]
    [InlineData("devices/disk[not(@bus = 'usb')]", "true()", "devices; disk")]
    [InlineData("devices/disk[@bus != 'usb']", "true()", "devices; disk; disk@bus")]
    [InlineData("devices/disk[target = 'vda']", "true()", "devices; disk; target")]
    [InlineData("devices/disk[boolean(target) = false()]", "true()", "devices; disk")]
    [InlineData("devices/disk[@index = 0]", "true()", "devices; disk; disk@index")]
    [InlineData("devices/disk[@bus = $buses]", "true()", "devices; disk; disk@bus")]
    [InlineData("devices/disk[contains(@bus, 'usb')]", "true()", "devices; disk")]
    [InlineData("devices/*[name() = 'disk']", "true()", "devices")]
    // The one 'or' side without a condition leaves none.
    [InlineData("devices/disk[@bus = 'usb' or not(@bus)]", "true()", "devices; disk")]
    public void A_report_check_requires_what_its_context_and_test_cannot_be_true_without(string context, string test, string expected) =>
        Assert.Equal(expected, Describe(Lower(context, test, assert: false)));

    [Fact]
    public void An_assert_test_reports_when_false_and_requires_nothing()
    {
        Assert.Equal("devices; disk", Describe(Lower("devices/disk", "@bus = 'virtio'", assert: true)));
        Assert.Equal("devices; disk; disk@bus=virtio", Describe(Lower("devices/disk", "@bus = 'virtio'", assert: false)));
    }

    [Fact]
    public void A_let_stands_for_its_value()
    {
        // Evaluated on the context node (a disk) even when read in a predicate of another element.
        Assert.Equal("devices; disk; target; target@bus=usb", Describe(Lower("devices/disk", "$bus = 'usb'", assert: false, let: "target/@bus")));
        Assert.Equal("devices; disk; @dev; disk@bus", Describe(Lower("devices/disk", "../*[@dev = $bus]", assert: false, let: "@bus")));
        Assert.Equal("devices; disk", Describe(Lower("devices/disk", "$bus = 'usb'", assert: false, let: "string(target/@bus)")));
    }

    [Fact]
    public void An_or_of_many_clauses_keeps_a_bounded_number_of_them()
    {
        var left = string.Join(" and ", Enumerable.Range(0, 8).Select(i => $"@a{i} = 'x'"));
        var right = string.Join(" and ", Enumerable.Range(0, 8).Select(i => $"@b{i} = 'y'"));
        var clauses = Lower("devices/disk", $"({left}) or ({right})", assert: false).Check!.Requirements;
        Assert.Equal(2 + 32, clauses.Count);
        Assert.All(clauses.Skip(2), c => Assert.Equal(2, c.AnyOf.Count));
    }

    [Fact]
    public void A_check_of_hundreds_of_conditions_keeps_a_bounded_number_of_clauses()
    {
        var conditions = string.Join(" and ", Enumerable.Range(0, 300).Select(i => $"@a{i} = 'x'"));
        var clauses = Lower("devices/disk", conditions, assert: false).Check!.Requirements;
        // A chain of 'and' is as deep as it is long: past 64 levels its conditions are left out, as past 256 clauses.
        Assert.InRange(clauses.Count, 3, 256);
        Assert.Equal(["devices", "disk"], clauses.Take(2).Select(c => Assert.Single(c.AnyOf).Element));
    }

    private static string Describe(RulePlan plan) =>
        string.Join("; ", plan.Check!.Requirements.Select(c => string.Join(" | ", c.AnyOf.Select(n =>
            n.Attribute is null ? n.Element : $"{n.Element}@{n.Attribute}{(n.Value is null ? "" : "=" + n.Value)}"))));

    // The list parameter 'buses' for comparisons with a list; a let 'bus' when given.
    private static RulePlan Lower(string context, string test, bool assert, string? let = null) =>
        LoweringTestRule.Lower(context, test, let is null ? null : [("bus", let)], parameters: "buses", assert: assert);
}
