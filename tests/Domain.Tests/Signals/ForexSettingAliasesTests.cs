using PromoStack.Domain.Signals;

namespace PromoStack.Domain.Tests.Signals;

public sealed class ForexSettingAliasesTests
{
    private static ForexSettingsUpdate Resolve(Dictionary<string, string?> requested, ForexSettings? current = null) =>
        ForexSettingAliases.Resolve(requested, current ?? ForexSettings.Defaults);

    [Fact]
    public void TheOriginalsDocumentedNames_AreAllAliases_OfKeysTheEngineKnows()
    {
        ForexSettingAliases.All.Select(a => a.Name).Should().BeEquivalentTo(
            "adx_min_strength", "sl_multiplier", "tp_multiplier", "trading_hours_start", "trading_hours_end", "rsi_oversold", "rsi_overbought", "active_strategy");
        ForexSettingAliases.All.SelectMany(a => a.Keys).Should().OnlyContain(k => ForexSettings.Find(k) != null);
    }

    [Theory]
    [InlineData("adx_min_strength", "25", "adx_min")]
    [InlineData("trading_hours_start", "9", "trading_start_hour")]
    [InlineData("trading_hours_end", "20", "trading_end_hour")]
    public void ARenamedAlias_WritesItsKey_AndNeverItsOwnName(string alias, string value, string key)
    {
        var update = Resolve(new() { [alias] = value });

        update.Problems.Should().BeEmpty();
        update.Values.Should().Equal(new Dictionary<string, string?> { [key] = value });
    }

    [Fact]
    public void OurOwnKeys_PassAsTheyAre()
    {
        var update = Resolve(new() { ["rsi_oversold"] = "35", ["active_strategy"] = "conservative", ["partials"] = null });

        update.Problems.Should().BeEmpty();
        update.Values.Should().Equal(new Dictionary<string, string?> { ["rsi_oversold"] = "35", ["active_strategy"] = "conservative", ["partials"] = null });
    }

    [Fact]
    public void SlMultiplier_SetsBothStrategiesStops_AndReadsTheAggressiveOne()
    {
        var update = Resolve(new() { ["sl_multiplier"] = "1.5" });

        update.Values.Should().Equal(new Dictionary<string, string?> { ["aggressive_sl_atr"] = "1.5", ["conservative_sl_atr"] = "1.5" });
        var alias = ForexSettingAliases.Find("sl_multiplier")!;
        alias.ValueIn(ForexSettings.Defaults).Should().Be("1.0");
        alias.ValueIn(ForexSettings.Defaults.With(new Dictionary<string, string> { ["aggressive_sl_atr"] = "1.7" })).Should().Be("1.7");
    }

    [Fact]
    public void TpMultiplier_SetsEachStrategysLastTarget_AndScalesTheOthersInProportion()
    {
        var update = Resolve(new() { ["tp_multiplier"] = "5" });

        update.Problems.Should().BeEmpty();
        update.Values.Should().Equal(new Dictionary<string, string?> { ["aggressive_tp_atr"] = "2.4/4/5", ["conservative_tp_atr"] = "2.5/3.75/5" });
        ForexSettingAliases.Find("tp_multiplier")!.ValueIn(ForexSettings.Defaults).Should().Be("2.5");
    }

    [Fact]
    public void TpMultiplier_ScalesTheTenantsOwnTargets_AndLeavesThemAloneWhenTheLastIsAlreadyThere()
    {
        var current = ForexSettings.Defaults.With(new Dictionary<string, string> { ["aggressive_tp_atr"] = "1/2/3", ["conservative_tp_atr"] = "1.3/2.6/6" });

        Resolve(new() { ["tp_multiplier"] = "6" }, current).Values
            .Should().Equal(new Dictionary<string, string?> { ["aggressive_tp_atr"] = "2/4/6", ["conservative_tp_atr"] = "1.3/2.6/6" });
        Resolve(new() { ["tp_multiplier"] = "1" }, current).Values["aggressive_tp_atr"].Should().Be("0.3333/0.6667/1");
    }

    [Fact]
    public void AnAliasSetToNull_PutsEachOfItsKeysBackToTheDefault() =>
        Resolve(new() { ["tp_multiplier"] = null }).Values
            .Should().Equal(new Dictionary<string, string?> { ["aggressive_tp_atr"] = null, ["conservative_tp_atr"] = null });

    [Theory]
    [InlineData("sl_multiplier", "1.5", "aggressive_sl_atr", "2")]
    [InlineData("sl_multiplier", "1.5", "conservative_sl_atr", null)]
    [InlineData("adx_min_strength", "20", "adx_min", "25")]
    [InlineData("tp_multiplier", "4", "conservative_tp_atr", "1/2/3")]
    [InlineData("trading_hours_end", null, "trading_end_hour", "20")]
    public void AnAliasAndItsOwnKey_WithDifferentValues_IsAProblemNamingTheAlias(string alias, string? aliasValue, string key, string? keyValue)
    {
        var update = Resolve(new() { [alias] = aliasValue, [key] = keyValue });

        update.Problems.Should().ContainKey(alias).WhoseValue.Should().Contain(key).And.Contain("send one");
    }

    [Fact]
    public void AnAliasAndItsOwnKey_ThatAgree_AreOneChange()
    {
        var update = Resolve(new() { ["sl_multiplier"] = "2", ["aggressive_sl_atr"] = "2.0", ["tp_multiplier"] = "4", ["conservative_tp_atr"] = "1/2/4" });

        update.Problems.Should().BeEmpty();
        update.Values.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["aggressive_sl_atr"] = "2", ["conservative_sl_atr"] = "2", ["conservative_tp_atr"] = "1/2/4", ["aggressive_tp_atr"] = "1.92/3.2/4",
        });
    }

    [Theory]
    [InlineData("sl_multiplier", "50")]
    [InlineData("tp_multiplier", "0")]
    [InlineData("tp_multiplier", "many")]
    [InlineData("trading_hours_start", "25")]
    public void AnAliasValueThatDoesNotFit_IsAProblem(string alias, string value)
    {
        var update = Resolve(new() { [alias] = value });

        update.Problems.Should().ContainKey(alias);
        ForexSettingAliases.Find(alias)!.Check(value).Should().NotBeNull();
    }

    [Fact]
    public void ATpMultiplierWhoseScaledTargetsNoLongerCheckOut_IsAProblemNamingTheKeyToUse()
    {
        var current = ForexSettings.Defaults.With(new Dictionary<string, string> { ["aggressive_tp_atr"] = "0.001/0.002/100" });

        var update = Resolve(new() { ["tp_multiplier"] = "0.1" }, current);

        update.Problems.Should().ContainKey("tp_multiplier").WhoseValue.Should().Contain("set aggressive_tp_atr itself");
    }

    [Fact]
    public void ANameThatIsNeither_IsLeftToTheCaller()
    {
        var update = Resolve(new() { ["experimental_flag"] = "1" });

        update.Values.Should().BeEmpty();
        update.Problems.Should().BeEmpty();
    }
}
