/* Test aid for the wine smoke test only (never shipped): Debian 12's wine 8 lacks
 * bcryptprimitives.dll!ProcessPrng, which Rust's standard library (>= 1.78) imports on
 * Windows; every Windows 10/11 has it. This stand-in forwards to RtlGenRandom
 * (advapi32!SystemFunction036) and is placed beside kaijisho.exe in the wine test folder. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
