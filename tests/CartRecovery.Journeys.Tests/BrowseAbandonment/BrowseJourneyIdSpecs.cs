using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.Inactivity;

namespace CartRecovery.Journeys.Tests.BrowseAbandonment;

public sealed class BrowseJourneyIdSpecs
{
    [Fact]
    public void Should_give_the_same_id_for_the_same_customer_and_product()
    {
        Assert.Equal(BrowseJourneyId.For("customer-42", "SKU-1"), BrowseJourneyId.For("customer-42", "SKU-1"));
    }

    [Fact]
    public void Should_give_different_ids_for_different_customers_products_and_splits()
    {
        Guid[] ids =
        [
            BrowseJourneyId.For("customer-42", "SKU-1"),
            BrowseJourneyId.For("customer-42", "SKU-2"),
            BrowseJourneyId.For("customer-7", "SKU-1"),
            BrowseJourneyId.For("ab", "c"),
            BrowseJourneyId.For("a", "bc"),
            InactivityJourneyId.For("customer-42"),
        ];
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Should_be_an_rfc_4122_version_5_guid()
    {
        var text = BrowseJourneyId.For("customer-42", "SKU-1").ToString("D");
        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void Should_match_the_rfc_4122_reference_vector()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), NameBasedGuid.Create(dns, "python.org"));
    }
}
