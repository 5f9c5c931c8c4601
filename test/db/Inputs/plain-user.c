// Calls plain_scale() of plain.c, which the scan analyses after it.
int plain_scale(int x);

int plain_user(int x)
{
	return plain_scale(x) + 2;
}
