namespace CartRecovery.Journeys.PostPurchase;

public static class PostPurchaseSteps
{
    public const int Shipment = 1;
    public const string ShipmentName = "shipment";
    public const int Review = 2;
    public const string ReviewName = "review";
    public const int CrossSell = 3;
    public const string CrossSellName = "cross-sell";
}
