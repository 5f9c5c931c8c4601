/* clang's own debug pragma: the parser crashes here. */
int f(void)
{
	return 0;
}
#pragma clang __debug crash
