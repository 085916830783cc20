namespace VirtLint.RuleRuntime.Tests;

/// <summary>The evaluator's shared boxes: the same value whichever box an evaluation gets.</summary>
public sealed class BoxesTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(1023.0)]
    public void A_small_whole_number_is_boxed_once(double value)
    {
        Assert.Same(Boxes.Of(value), Boxes.Of(value));
        Assert.Equal(value, (double)Boxes.Of(value));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(1024.0)]
    [InlineData(2.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(4294967296.0)]
    public void Any_other_number_keeps_its_value(double value) => Assert.Equal(value, (double)Boxes.Of(value));

    [Fact]
    public void Negative_zero_stays_negative()
    {
        // XPath tells the zeros apart: 1 div -0 is -Infinity.
        Assert.True(double.IsNegative((double)Boxes.Of(-0.0)));
        Assert.False(double.IsNegative((double)Boxes.Of(0.0)));
    }

    [Fact]
    public void Truth_values_are_shared()
    {
        Assert.Same(Boxes.True, Boxes.Of(true));
        Assert.Same(Boxes.False, Boxes.Of(false));
        Assert.True((bool)Boxes.Of(true));
        Assert.False((bool)Boxes.Of(false));
    }
}
