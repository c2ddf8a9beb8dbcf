namespace CartRecovery.Journeys.CartAbandonment;

public static class CartAbandonmentSteps
{
    public const int Recovery = 1;
    public const string RecoveryName = "recovery";
    public const int Discount = 2;
    public const string DiscountName = "discount";
    /// <summary>The cart went idle in checkout: its own email, apart from the cart-idle recovery one.</summary>
    public const int Checkout = 3;
    public const string CheckoutName = "checkout";
}
