namespace PromoStack.Application.CrossPromo;

public enum CrossPromoRun
{
    Posted,
    Skipped,
}
