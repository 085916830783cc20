using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;
using VirtLint.RuleLanguage.Plan;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;
using static VirtLint.RuleLanguage.Tests.LoweringTestRule;

namespace VirtLint.RuleLanguage.Tests;

/// <summary>
/// The lowering both back ends consume: what a rule's plan looks like. Repeated values become one slot (eager when
/// the first reader always reads it, lazy under a short-circuit), lets are read instead of recomputed, comparisons
/// carry their kind, and unions of sibling steps become one step in document order.
/// </summary>
public sealed class RuleLoweringTests
{
    [Fact]
    public void A_repeated_value_is_one_slot_that_every_use_reads()
    {
        var plan = Lower(
            context: "devices/hostdev",
            test: "pci-address(source/address) != '' and pci-address(source/address) != '0000:00:01.0'",
            message: "Host device '{pci-address(source/address)}' is assigned.");

        var check = plan.Check!;
        var slot = Assert.Single(check.Slots);
        Assert.Equal((null, SlotTiming.Eager, ValueType.String), (slot.LetName, slot.Timing, slot.Value.Type));
        Assert.Equal("pci-address", Assert.IsType<FunctionCall>(slot.Value).Function);
        // Once in the whole plan: in the slot, nowhere else.
        Assert.Equal(1, Calls(plan, "pci-address"));
        var test = Assert.IsType<BinaryExpr>(check.Test);
        Assert.Equal(new SlotRef(0, ValueType.String), Assert.IsType<ComparisonExpr>(test.Left).Left);
        Assert.Equal(new SlotRef(0, ValueType.String), Assert.IsType<ComparisonExpr>(test.Right).Left);
        Assert.Equal(new SlotRef(0, ValueType.String), check.Message.Parts[1].Expression);
    }

    [Fact]
    public void A_value_first_read_under_a_short_circuit_is_computed_on_first_use()
    {
        var plan = Lower(context: "devices/disk", test: "@device = 'cdrom' or (uint(@index) > 3 and uint(@index) < 10)");

        var slot = Assert.Single(plan.Check!.Slots);
        Assert.Equal(SlotTiming.Lazy, slot.Timing);
        Assert.Equal("uint", Assert.IsType<FunctionCall>(slot.Value).Function);
        // Nothing eager: a cdrom never computes uint(@index).
        Assert.DoesNotContain(plan.Check.Slots, s => s.Timing == SlotTiming.Eager);
        var or = Assert.IsType<BinaryExpr>(plan.Check.Test);
        Assert.Equal(BinaryOperator.Or, or.Operator);
        Assert.Equal(ComparisonKind.NodesWithString, Assert.IsType<ComparisonExpr>(or.Left).Kind);
    }

    [Fact]
    public void A_value_read_only_by_the_message_is_lazy_and_an_unconditional_one_is_placed_before_its_first_let()
    {
        var plan = Lower(
            context: "devices/disk",
            lets: [("first", "concat(string(target/@dev), '-a')"), ("second", "concat(string(target/@dev), '-b')")],
            test: "$first = $second",
            message: "Disk '{normalize-space(@type)}' '{normalize-space(@type)}'.");

        var slots = plan.Check!.Slots;
        Assert.Equal([null, "first", "second", null], slots.Select(s => s.LetName));
        Assert.Equal([SlotTiming.Eager, SlotTiming.Eager, SlotTiming.Eager, SlotTiming.Lazy], slots.Select(s => s.Timing));
        Assert.Equal("string", Assert.IsType<FunctionCall>(slots[0].Value).Function);
        Assert.Equal(new SlotRef(0, ValueType.String), Assert.IsType<FunctionCall>(slots[1].Value).Arguments[0]);
        Assert.Equal("normalize-space", Assert.IsType<FunctionCall>(slots[3].Value).Function);
        Assert.Equal([0, 1, 2, 3], slots.Select(s => s.Index));
    }

    [Fact]
    public void A_let_only_the_finding_reads_is_computed_on_first_read_and_one_the_test_reads_before_the_test()
    {
        var plan = Lower(
            context: "devices/disk",
            lets: [("shown", "concat(@type, ' ', @device)"), ("bus", "string(target/@bus)"), ("nodes", "target"), ("named", "string($nodes/@dev)")],
            test: "@device = 'disk' and $bus = 'usb' and count($nodes) > 0",
            message: "Disk '{$shown}' '{$named}'.");

        var slots = plan.Check!.Slots;
        Assert.Equal(["shown", "bus", "nodes", "named"], slots.Select(s => s.LetName));
        // A node-set is always materialised before the test; the lets only the message reads wait for a finding.
        Assert.Equal([SlotTiming.Lazy, SlotTiming.Eager, SlotTiming.Eager, SlotTiming.Lazy], slots.Select(s => s.Timing));
    }

    [Fact]
    public void A_let_read_inside_a_node_set_expression_stays_eager()
    {
        // The predicate runs on other nodes: a lazy let first read there would be computed for the wrong node.
        var plan = Lower(context: "devices/disk", lets: [("dev", "string(target/@dev)")], test: "true()", message: "Disk '{count(../disk[target/@dev = $dev])}'.");

        Assert.Equal(SlotTiming.Eager, Assert.Single(plan.Check!.Slots).Timing);
    }

    [Fact]
    public void The_context_paths_last_predicates_are_filters_that_share_with_the_lets()
    {
        var plan = Lower(context: "devices/*/address[@type = 'pci'][pci-address(.) != '']", lets: [("key", "pci-address(.)")], test: "$key = '0000:00:01.0'");

        var check = plan.Check!;
        Assert.Empty(Assert.IsType<PathExpr>(check.Context).Steps[2].Predicates);
        // The type filter, pci-address(.) once (first read by the second filter), that filter, the let reading it.
        Assert.Equal([true, false, true, false], check.Slots.Select(s => s.IsFilter));
        Assert.Equal([null, null, null, "key"], check.Slots.Select(s => s.LetName));
        Assert.All(check.Slots, s => Assert.Equal(SlotTiming.Eager, s.Timing));
        Assert.Equal("pci-address", Assert.IsType<FunctionCall>(check.Slots[1].Value).Function);
        Assert.Equal(new SlotRef(1, ValueType.String), Assert.IsType<ComparisonExpr>(check.Slots[2].Value).Left);
        Assert.Equal(new SlotRef(1, ValueType.String), check.Slots[3].Value);
        Assert.Equal(1, Calls(plan, "pci-address"));
    }

    [Fact]
    public void The_same_path_in_a_let_and_in_the_test_is_read_from_the_let()
    {
        var plan = Lower(context: ".", lets: [("disks", "devices/disk[@device = 'disk']")], test: "count(devices/disk[@device = 'disk']) > 1");

        var slot = Assert.Single(plan.Check!.Slots);
        Assert.Equal(("disks", ValueType.NodeSet), (slot.LetName, slot.Value.Type));
        var comparison = Assert.IsType<ComparisonExpr>(plan.Check.Test);
        Assert.Equal(ComparisonKind.Numbers, comparison.Kind);
        Assert.Equal(new SlotRef(0, ValueType.NodeSet), Assert.IsType<FunctionCall>(comparison.Left).Arguments[0]);
    }

    [Fact]
    public void Values_inside_predicates_belong_to_another_node_and_are_not_shared_with_the_context_node()
    {
        var plan = Lower(context: "devices/disk", test: "string(@bus) = 'ide' and exists(../disk[string(@bus) = 'ide'][string(@bus) = 'ide'])");

        Assert.Empty(plan.Check!.Slots);
    }

    [Fact]
    public void A_union_of_sibling_steps_is_one_step_over_the_children_in_document_order()
    {
        var plan = Lower(context: "on_poweroff | on_reboot | on_crash[. != 'destroy'] | on_reboot", test: "true()");

        var path = Assert.IsType<PathExpr>(plan.Check!.Context);
        var step = Assert.Single(path.Steps);
        Assert.Equal((Axis.Child, NodeTest.NameChoice), (step.Axis, step.Test));
        Assert.Equal(["on_poweroff", "on_reboot", "on_crash"], step.Choices.Select(c => c.Name));
        Assert.Equal([0, 0, 1], step.Choices.Select(c => c.Predicates.Count));
    }

    [Fact]
    public void A_union_of_attributes_or_of_children_after_a_common_path_is_fused_too()
    {
        var attributes = Assert.IsType<PathExpr>(Lower(context: "devices/disk/source", test: "true()", location: "@file | @dev | @name").Check!.Location);
        Assert.Equal((Axis.Attribute, NodeTest.NameChoice), (attributes.Steps[0].Axis, attributes.Steps[0].Test));
        Assert.Equal(["file", "dev", "name"], attributes.Steps[0].Choices.Select(c => c.Name));

        var children = Assert.IsType<PathExpr>(Lower(context: "devices/disk/iotune/total_bytes_sec | devices/disk/iotune/total_iops_sec", test: "true()").Check!.Context);
        Assert.Equal(["devices", "disk", "iotune", ""], children.Steps.Select(s => s.Name));
        Assert.Equal(["total_bytes_sec", "total_iops_sec"], children.Steps[3].Choices.Select(c => c.Name));
    }

    [Fact]
    public void A_union_differing_in_one_middle_step_is_fused_at_that_step()
    {
        var path = Assert.IsType<PathExpr>(Lower(context: "devices/hub[@type = 'usb']/address[@type = 'usb'] | devices/input[@bus = 'usb']/address[@type = 'usb']", test: "true()").Check!.Context);

        Assert.Equal([NodeTest.Name, NodeTest.NameChoice, NodeTest.Name], path.Steps.Select(s => s.Test));
        Assert.Equal(["hub", "input"], path.Steps[1].Choices.Select(c => c.Name));
        Assert.Equal("address", path.Steps[2].Name);
        Assert.Single(path.Steps[2].Predicates);

        var first = Assert.IsType<PathExpr>(Lower(context: ".", test: "true()", location: "target/permissions | backingStore/permissions").Check!.Location);
        Assert.Equal(["target", "backingStore"], first.Steps[0].Choices.Select(c => c.Name));
    }

    [Theory]
    [InlineData("@dev | interface")]                                  // an attribute and an element
    [InlineData("devices/disk | devices//disk")]                      // a descendant step
    [InlineData("disk[@a] | disk[@b]")]                                // one name, two predicates: either may select it
    [InlineData(".//disk/target | .//disk/source")]                   // nested disks: children of an outer one would follow an inner one's
    [InlineData("disk/target | interface/source")]                    // two steps differ
    [InlineData("disk/../target | interface/../target")]              // a parent step after the choice: two chosen nodes share a parent
    public void Other_unions_stay_unions_sorted_by_the_back_ends(string nodes)
    {
        var plan = Lower(context: ".", test: "true()", location: nodes);

        Assert.IsType<UnionExpr>(plan.Check!.Location);
    }

    [Theory]
    [InlineData("@bus = $buses", ComparisonKind.NodesInList, "bus")]
    [InlineData("$buses = @bus", ComparisonKind.NodesInList, "bus")]
    [InlineData("'ide' = @bus", ComparisonKind.NodesWithString, "bus")]
    [InlineData("3 < count(target)", ComparisonKind.Numbers, "")]
    [InlineData("@bus = true()", ComparisonKind.NodesWithBoolean, "bus")]
    [InlineData("@bus != $buses", ComparisonKind.Sequences, "bus")]
    [InlineData("$buses = 'ide'", ComparisonKind.ListWithString, "")]
    [InlineData("string(@bus) = 'ide'", ComparisonKind.Strings, "")]
    [InlineData("string(@bus) = 1", ComparisonKind.Numbers, "")]
    [InlineData("not(@bus) = false()", ComparisonKind.Booleans, "")]
    public void Comparisons_carry_their_kind_with_a_sequence_on_the_left(string test, ComparisonKind kind, string leftAttribute)
    {
        var plan = Lower(context: "devices/disk", test: test, parameters: "buses");

        var comparison = Assert.IsType<ComparisonExpr>(plan.Check!.Test);
        Assert.Equal(kind, comparison.Kind);
        if (leftAttribute.Length > 0) Assert.Equal(leftAttribute, Assert.IsType<PathExpr>(comparison.Left).Steps[0].Name);
        if (test.StartsWith("3 <", StringComparison.Ordinal)) Assert.Equal(BinaryOperator.Less, comparison.Operator);
        if (test.StartsWith("'ide' =", StringComparison.Ordinal)) Assert.Equal(BinaryOperator.Equal, comparison.Operator);
    }

    [Fact]
    public void A_swapped_relational_comparison_flips_its_operator()
    {
        var comparison = Assert.IsType<ComparisonExpr>(Lower(context: "devices/disk", test: "3 < @index").Check!.Test);

        Assert.Equal((ComparisonKind.NodesWithNumber, BinaryOperator.Greater), (comparison.Kind, comparison.Operator));
        Assert.IsType<PathExpr>(comparison.Left);
    }

    [Fact]
    public void A_value_of_the_whole_document_is_computed_once_per_document_under_one_index()
    {
        var plan = Lower(context: "devices/disk", test: "count(/domain/devices/disk) + count(../disk) > 2 and count(../disk) < count(/domain/devices/disk)");

        var onces = new List<OnceExpr>();
        Visit(plan.Check!.Test, e => { if (e is OnceExpr o) onces.Add(o); });
        Assert.Equal(2, onces.Count);
        Assert.All(onces, o => Assert.Equal((0, "count"), (o.Index, ((FunctionCall)o.Value).Function)));
        // The per-node count(../disk) is read twice: one slot, computed before the test.
        var slot = Assert.Single(plan.Check.Slots);
        Assert.Equal(SlotTiming.Eager, slot.Timing);
    }

    [Fact]
    public void The_plan_keeps_no_parsed_expression_for_a_back_end_to_read()
    {
        var plan = Lower(context: "devices/disk", lets: [("bus", "@bus")], test: "$bus = 'ide'", message: "Disk bus '{$bus}'.");

        Assert.Null(plan.Rule.Check);
        Assert.Null(plan.Rule.Related);
        Assert.Empty(plan.Rule.Message.Parts);
        Assert.Equal("Disk bus '{$bus}'.", plan.Rule.Message.Source);
        var references = new List<Expr>();
        Visit(plan.Check!.Test, references.Add);
        Assert.DoesNotContain(references, e => e is VariableRef or BinaryExpr { Operator: BinaryOperator.Equal });
        Assert.Equal(RuleLowering.Lower(Parse(context: "devices/disk", lets: [("bus", "@bus")], test: "$bus = 'ide'", message: "Disk bus '{$bus}'.")), plan);
    }

    // ---- helpers ----

    private static int Calls(RulePlan plan, string function)
    {
        var count = 0;
        void Count(Expr e)
        {
            if (e is FunctionCall f && f.Function == function) count++;
        }

        var check = plan.Check!;
        Visit(check.Context, Count);
        foreach (var slot in check.Slots) Visit(slot.Value, Count);
        Visit(check.Test, Count);
        if (check.Location is not null) Visit(check.Location, Count);
        foreach (var part in check.Message.Parts)
            if (part.Expression is not null) Visit(part.Expression, Count);
        return count;
    }

    /// <summary>Every node of an expression's tree, predicates included.</summary>
    private static void Visit(Expr expr, Action<Expr> visit)
    {
        visit(expr);
        switch (expr)
        {
            case FunctionCall f: foreach (var a in f.Arguments) Visit(a, visit); break;
            case BinaryExpr b: Visit(b.Left, visit); Visit(b.Right, visit); break;
            case ComparisonExpr c: Visit(c.Left, visit); Visit(c.Right, visit); break;
            case NegateExpr n: Visit(n.Operand, visit); break;
            case UnionExpr u: Visit(u.Left, visit); Visit(u.Right, visit); break;
            case OnceExpr o: Visit(o.Value, visit); break;
            case FilterExpr f:
                Visit(f.Source, visit);
                foreach (var p in f.Predicates) Visit(p, visit);
                break;
            case PathExpr p:
                if (p.Source is not null) Visit(p.Source, visit);
                foreach (var step in p.Steps)
                {
                    foreach (var predicate in step.Predicates) Visit(predicate, visit);
                    foreach (var choice in step.Choices)
                        foreach (var predicate in choice.Predicates) Visit(predicate, visit);
                }

                break;
        }
    }
}
