export const FAQ = `Shipping: orders leave the warehouse within two business days. Standard delivery takes three to five days.
Returns: you can return any item within 14 days. Use the return form in your account.
Payment: we accept cards, PayPal and invoices for business customers.
Warranty: all products have a two-year warranty.`;
