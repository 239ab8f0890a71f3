/* tests/emu/test_a64_crypto.c — the Cryptographic Extension (a64_crypto.c)
 * on raw encodings.
 *
 * The case table is QEMU's answer: each row is an instruction with Vd = v0,
 * Vn = v1, Vm = v2, the three inputs and the resulting v0, obtained by
 * running that instruction under `qemu-aarch64 -cpu cortex-a57` (QEMU 7.2)
 * in a static test program (aarch64-linux-gnu-gcc -static
 * -march=armv8-a+crypto, inline asm `.inst`). Inputs are random 128-bit
 * values, the fifth row of each instruction has v0 = 0:~0 and all-ones
 * v1 and v2 (carry chains, every S-box lane at 0x00 / 0xff).
 */
#include <criterion/criterion.h>

#include "tests/emu/harness.h"

static Harness *h;
static void setup(void) { h = harness_new(); }
static void teardown(void) { harness_free(h); }

TestSuite(a64_crypto, .init = setup, .fini = teardown, .timeout = 10);

static void set_v(unsigned n, uint64_t lo, uint64_t hi)
{
    emu_cpu_set_v(h->cpu, n, (const uint64_t[2]){ lo, hi });
}

static uint64_t v_lo(unsigned n)
{
    uint64_t v[2];
    emu_cpu_v(h->cpu, n, v);
    return v[0];
}

static uint64_t v_hi(unsigned n)
{
    uint64_t v[2];
    emu_cpu_v(h->cpu, n, v);
    return v[1];
}

/* ---- QEMU's answers --------------------------------------------------------- */

typedef struct CryptoCase {
    uint32_t insn;
    uint64_t vd[2], vn[2], vm[2];  /* inputs v0, v1, v2 as { lo, hi } */
    uint64_t out[2];               /* v0 afterwards */
} CryptoCase;

static const CryptoCase cases[] = {
    { 0x4e284820, { 0xb846dce505e9bf91ull, 0xc326f6f9c7f7f463ull }, { 0x2ec4e27be3115621ull, 0x2b458b95144c5d42ull },
      { 0x22edc4b0fa431b6cull, 0xa633467c80fa717dull }, { 0x8efbd30b9beab2e7ull, 0x66131e509041fffdull } }, /* aese v0.16b, v1.16b */
    { 0x4e284820, { 0x63457c2a0bdebd42ull, 0xb40363109fa8471dull }, { 0x230122ad2a9a307aull, 0x215ca7f48f0f6d6bull },
      { 0x0b217297e215b5faull, 0x115325bafc109925ull }, { 0xfdcfe5172a5c5807ull, 0xca1b5d69091b1c38ull } }, /* aese v0.16b, v1.16b */
    { 0x4e284820, { 0xa0bcb6ac4e9f7b56ull, 0x78e6ce19ecb0e2a4ull }, { 0xc57491e9f0b3cd81ull, 0x6296f301e45e1672ull },
      { 0x34ade41ddae2b3a8ull, 0xf20d4585bb5d885aull }, { 0xae51bf6ea228cc0eull, 0x30e84ead4d7127f6ull } }, /* aese v0.16b, v1.16b */
    { 0x4e284820, { 0x08a9ad7752dd0553ull, 0xccc2862d515589e6ull }, { 0x883a8aacdd9d14afull, 0x133bc0a9271daf81ull },
      { 0xf381c029768df7f7ull, 0xbb8c8138703d6d8aull }, { 0x7399f7b99e52ccb0ull, 0x38dc825fcd095a85ull } }, /* aese v0.16b, v1.16b */
    { 0x4e284820, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0x1663631663631616ull, 0x6316166316166363ull } }, /* aese v0.16b, v1.16b */
    { 0x4e285820, { 0x748e63dbbe369f99ull, 0x27a8380cc3368378ull }, { 0x77371896d5bdb10aull, 0x4ab94bd4d0d8f352ull },
      { 0xb18986c3cc3aa077ull, 0x47b6a52f22252159ull }, { 0x82e3c365d5998f22ull, 0x05dbd02db3ce0395ull } }, /* aesd v0.16b, v1.16b */
    { 0x4e285820, { 0x4052217604e25784ull, 0x7ad0a28ec4f7458aull }, { 0x29fb4a7091da4f94ull, 0xf8de0a0f78197870ull },
      { 0x277707a8ac29644aull, 0xdcb27f1b0ffbc7c7ull }, { 0x78d734a5e4996f7cull, 0xadb78b9111760514ull } }, /* aesd v0.16b, v1.16b */
    { 0x4e285820, { 0xabec7b02ddb4f905ull, 0x4333572b075f669aull }, { 0x4ffbd388ce0dccbeull, 0x6eca961820ad4bacull },
      { 0x3e1a8e57c033fc41ull, 0x8a445b6f1948fd0dull }, { 0x3d69d9cfae04ddfeull, 0x8287fa66fadb6f24ull } }, /* aesd v0.16b, v1.16b */
    { 0x4e285820, { 0xc837033eb49a70e4ull, 0x3ea7c3325cb3bcdfull }, { 0xe9f896fc472278afull, 0x583cc4681ba62648ull },
      { 0x948691d47ea1d30dull, 0x87257083f6cd4529ull }, { 0x16e8bfa87b2f38ccull, 0x7e5f3746d39aad85ull } }, /* aesd v0.16b, v1.16b */
    { 0x4e285820, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0x52527d7d7d52527dull, 0x7d7d5252527d7d52ull } }, /* aesd v0.16b, v1.16b */
    { 0x4e286820, { 0x4de035ce81800f9dull, 0x4402221ba952be58ull }, { 0x3153522ad50ad18dull, 0xdbda3f81fbeedf97ull },
      { 0xa4f0c754345a6e19ull, 0xbce5e909b9f37340ull }, { 0x1d8d4ac0e62cffb6ull, 0xd06751597e99e05aull } }, /* aesmc v0.16b, v1.16b */
    { 0x4e286820, { 0x82aedf8a6eba8900ull, 0xf5fd96d6856ff604ull }, { 0x665712185cbdf5b5ull, 0x00a552be7bafa626ull },
      { 0x8f5ab3b1c7b307f2ull, 0x196e837294ceb80dull }, { 0xa10ea33734c5c494ull, 0x2ebdee349548e069ull } }, /* aesmc v0.16b, v1.16b */
    { 0x4e286820, { 0x120411560a8d9d9full, 0x5f689d1631a04e16ull }, { 0xdff115ae848d8e7cull, 0xeb1842fb687fdfb6ull },
      { 0x1b2e0295397d02a5ull, 0xaa0f1786bd0d0e70ull }, { 0xa838535694647378ull, 0x81afbcd8b12ffa1aull } }, /* aesmc v0.16b, v1.16b */
    { 0x4e286820, { 0xd1c1d9cf0d454180ull, 0x871245a6279347e0ull }, { 0x29d54e74b3d9d971ull, 0x55ede221d1f07ee2ull },
      { 0xde2fdd236f5ffa34ull, 0x588e6cdfa6b02639ull }, { 0x55f0a5c6eecf1bf8ull, 0xc6fd87c70a0fc47cull } }, /* aesmc v0.16b, v1.16b */
    { 0x4e286820, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull } }, /* aesmc v0.16b, v1.16b */
    { 0x4e287820, { 0x66c442de17e4bae7ull, 0x3455424d2a4aa681ull }, { 0xb30f44eafb20c1a1ull, 0xf287f34f23fa68afull },
      { 0x633719adb14f945aull, 0x61d7361a4552e2baull }, { 0x7257a196b3abe447ull, 0x4cbbc4faf9f28e9bull } }, /* aesimc v0.16b, v1.16b */
    { 0x4e287820, { 0x5fbee515fef8ea79ull, 0xabe8acd22666d23bull }, { 0x60bde7eb76077175ull, 0x69c57417d3fa3f9dull },
      { 0x8686e32a18569912ull, 0xb524c4b3942b843cull }, { 0x445c7ab39cc6715eull, 0x0c0e94596d908cfaull } }, /* aesimc v0.16b, v1.16b */
    { 0x4e287820, { 0x8be8312f15c4ac42ull, 0xa6628501d48f85f8ull }, { 0x91d1f896373ef1e6ull, 0x4edab8e96e6a98fbull },
      { 0xac11fc32ad313b93ull, 0x71662d1301926b6cull }, { 0x65135008558faf6bull, 0x59923e30d862e03dull } }, /* aesimc v0.16b, v1.16b */
    { 0x4e287820, { 0x617af3fd7be81499ull, 0xc47dc469e8385059ull }, { 0x6fcc98ae36ee2efaull, 0x2ff0b7b1c4b2bc8full },
      { 0xadb76db35573bbe2ull, 0xe4c9f59cc447e44aull }, { 0x56539000b979b975ull, 0x150124e9f2f10046ull } }, /* aesimc v0.16b, v1.16b */
    { 0x4e287820, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull } }, /* aesimc v0.16b, v1.16b */
    { 0x5e020020, { 0x30a3a28460054fadull, 0xd5da87769485a350ull }, { 0xca0bc52faf235ca5ull, 0xed88f1f70f0e8346ull },
      { 0x94683cbb9f87e3c4ull, 0x36c25b2043e24524ull }, { 0x74541aeba579b918ull, 0xc94bb761a927d781ull } }, /* sha1c q0, s1, v2.4s */
    { 0x5e020020, { 0x476eff400e86883eull, 0x4c795d0d8e6b1f78ull }, { 0xdf629b021d0d4118ull, 0xdbe4e5ab945a5601ull },
      { 0x5fb96b7f85b73530ull, 0x6a33f117eca53b1cull }, { 0xf51e52a7c05ba7ecull, 0xa08427551bcc84abull } }, /* sha1c q0, s1, v2.4s */
    { 0x5e020020, { 0xdc41c48cfb137910ull, 0x2c3d069481ce1e10ull }, { 0xa26563203bf00f54ull, 0x7c92ce5933c59d2eull },
      { 0x4435c2f89d48f967ull, 0x71d5563906249649ull }, { 0xe1b2c27f153fa57aull, 0xb7090c3aca355779ull } }, /* sha1c q0, s1, v2.4s */
    { 0x5e020020, { 0xb162e62711c86f47ull, 0x6281208c44eddb40ull }, { 0x1accbc3d2601c82eull, 0x35a94bef7332d63bull },
      { 0xb6dc0b6798abd3c9ull, 0x373be821c4d8acc7ull }, { 0xfc916746f9e4e661ull, 0x4ea751d8ec5cf446ull } }, /* sha1c q0, s1, v2.4s */
    { 0x5e020020, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0xfffff79d7ffef37aull, 0x7fffffff3fffffefull } }, /* sha1c q0, s1, v2.4s */
    { 0x5e021020, { 0xdf2e3c13a66e6cb9ull, 0xc8817c043d768328ull }, { 0x5a63e0196b9009a5ull, 0x97f34baedf62c8bdull },
      { 0xf7dc0120fa15c6b4ull, 0xbc769301192284edull }, { 0xf17d2f996cc6fc1cull, 0x17934ab33db58dd1ull } }, /* sha1p q0, s1, v2.4s */
    { 0x5e021020, { 0x3c0a1d0a2f659fb5ull, 0x9dd4fbc872a22882ull }, { 0xc2bfc2658dc13433ull, 0x2a9e25f604f2f2d3ull },
      { 0xfd207ce3ca0dd4ffull, 0x0322bba311fb5971ull }, { 0x0e4f30f83f9e5a50ull, 0xc5fff3859b6d1b00ull } }, /* sha1p q0, s1, v2.4s */
    { 0x5e021020, { 0xff722f9fb1b58accull, 0xf663043c7897a153ull }, { 0xe05793304fd8e35full, 0xfd4cad09dc0a16d6ull },
      { 0xd6f2514ae583962full, 0xb25f9fa9f77b0f49ull }, { 0x5a2f7b12a6035b8aull, 0x376517856db7ee26ull } }, /* sha1p q0, s1, v2.4s */
    { 0x5e021020, { 0x110db45f3f1b98e0ull, 0x318943ef8a4f5e26ull }, { 0xfabff7936f801192ull, 0xcfc5ad93b18e440full },
      { 0x8db2c3b37260b47cull, 0xcfec575ba0b43840ull }, { 0x6f42b310640a52b2ull, 0xdc07e2ea4d114a38ull } }, /* sha1p q0, s1, v2.4s */
    { 0x5e021020, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0xfffffb9b3fff73a1ull, 0xbfffffff3ffffff7ull } }, /* sha1p q0, s1, v2.4s */
    { 0x5e022020, { 0xdbf4a88590488016ull, 0xe94a44b92e345ab3ull }, { 0x311dfcec50329c56ull, 0x9f5e8fcc8c0154c0ull },
      { 0x5d2efcf280072d96ull, 0xac23d075e231a1c0ull }, { 0x8c23575a5bc3873eull, 0xf12f855b852dfe75ull } }, /* sha1m q0, s1, v2.4s */
    { 0x5e022020, { 0x87cf0d1fc06f5a01ull, 0x216c29437f8894fbull }, { 0x23a260c44f444b84ull, 0x30aa77b970414612ull },
      { 0xf31d60c8f431c2ddull, 0x4683e540bea982c0ull }, { 0x33894722b5ac63aaull, 0x1e4b56fd470836b7ull } }, /* sha1m q0, s1, v2.4s */
    { 0x5e022020, { 0x2aa8f4322a375970ull, 0x3738951f3b845b55ull }, { 0xefe6b4c33070de77ull, 0xc3954e4a1dd7f401ull },
      { 0x3ad0d37ad2a2a331ull, 0xcd20c151c331920dull }, { 0xbd70d158078efbf1ull, 0x2169e1315468169full } }, /* sha1m q0, s1, v2.4s */
    { 0x5e022020, { 0x44d5d84c8eba4f7cull, 0x808484369540e65eull }, { 0xc7389ebf2a740776ull, 0xc4e0ff510bc7efefull },
      { 0xeafccc48d5641343ull, 0xaaef5211df84e82cull }, { 0x39de22142f949e9aull, 0x16f9b3aadf62e2f9ull } }, /* sha1m q0, s1, v2.4s */
    { 0x5e022020, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0xfffff7bd7ffef77bull, 0x7fffffff7fffffefull } }, /* sha1m q0, s1, v2.4s */
    { 0x5e023020, { 0x6128cefac49e1ecbull, 0xcde7b9aabe22e1ffull }, { 0x8fb51cb797f56b71ull, 0xc1cddc17552fcdceull },
      { 0xaa85349690394ecbull, 0x1952b4c1185c6798ull }, { 0x064a43c6ea85b1ffull, 0x5b0011dc318bed16ull } }, /* sha1su0 v0.4s, v1.4s, v2.4s */
    { 0x5e023020, { 0xe61edef1321686e3ull, 0x3994d05d4c1a4e63ull }, { 0x24cd52bfa9999418ull, 0x2c31170f53af300dull },
      { 0xa513a67978eb52a0ull, 0xb3db4910545179cbull }, { 0x7a99a8d506e79a20ull, 0xae82cbf2b1d2a3b0ull } }, /* sha1su0 v0.4s, v1.4s, v2.4s */
    { 0x5e023020, { 0x5484d1176c5d731cull, 0xd4ac7bf9df821258ull }, { 0x53981623ad91fa11ull, 0xd0072d9002f24989ull },
      { 0xc122484b46cf0a31ull, 0xcea9e59f58c493a5ull }, { 0x410ae2a5f5106b75ull, 0x499d88452ad77becull } }, /* sha1su0 v0.4s, v1.4s, v2.4s */
    { 0x5e023020, { 0x228de0756cf521ceull, 0x4a120d6566442dbbull }, { 0x14b9259830eee29bull, 0xfe2fe40156b048f2ull },
      { 0x3425ed3174c2c778ull, 0x15fc768958c1aa38ull }, { 0x5cba00217e73cb0dull, 0x4b575e740e6b6518ull } }, /* sha1su0 v0.4s, v1.4s, v2.4s */
    { 0x5e023020, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0x0000000000000000ull, 0xffffffffffffffffull } }, /* sha1su0 v0.4s, v1.4s, v2.4s */
    { 0x5e024020, { 0x927d421245a6a942ull, 0x1d5f49c8efa80d3bull }, { 0x5a1b508fdb0f5ba6ull, 0x98ab1820fde95ee0ull },
      { 0x96146a09763cda9dull, 0xa6cc3d085c682007ull }, { 0xd2e9d0c0ea1b4ad0ull, 0xff786ef0bd3b6d14ull } }, /* sha256h q0, q1, v2.4s */
    { 0x5e024020, { 0xe43f2cc23b251d2aull, 0xa19e679d3b9137d4ull }, { 0x4c806c03ec1063f4ull, 0xc18f5c9d45b87adfull },
      { 0xdcdfd3ef367a3a67ull, 0x0f73ee5ead39e56dull }, { 0x7ad79eeb0587592dull, 0x19efbd541eced893ull } }, /* sha256h q0, q1, v2.4s */
    { 0x5e024020, { 0x4cc0836bd42661b0ull, 0x90996d0882a64b10ull }, { 0x20f01201920dd3dcull, 0x17b806dd7dea55aaull },
      { 0xd60d4bdfff17bf7cull, 0xae7f868919adcc75ull }, { 0x7aee1bf350d70071ull, 0xf995b2763028feb3ull } }, /* sha256h q0, q1, v2.4s */
    { 0x5e024020, { 0x627e65a2f29828a6ull, 0x56bca4dcc0dde60full }, { 0x6a9074cb57fe2c2bull, 0x9f59c524dedb76faull },
      { 0x88eca92cc543a397ull, 0xbfb36611f02d3809ull }, { 0x8f778fc51de68397ull, 0x82615c3c321fdb04ull } }, /* sha256h q0, q1, v2.4s */
    { 0x5e024020, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0xfa6e4bf0aafb6075ull, 0xfffffffc2f67f1fbull } }, /* sha256h q0, q1, v2.4s */
    { 0x5e025020, { 0xfb5ea68550789e83ull, 0x19194874b822c7d8ull }, { 0x3082a5d1a1a4b84cull, 0xd238170920f6830eull },
      { 0xb9f5cd37cd523d11ull, 0x3f6a3ac968886686ull }, { 0xb171efe78f9edefbull, 0x92631128c35f2311ull } }, /* sha256h2 q0, q1, v2.4s */
    { 0x5e025020, { 0x7500071e5c7f9c37ull, 0xd2d9dad3d4fadcc9ull }, { 0x217bcfbf5b1bcfbfull, 0xece8954e23893d73ull },
      { 0x1f5d0b58ba694d49ull, 0x973c1656195a28fdull }, { 0xb8f83be1d8c8e5b4ull, 0xb3006c75442d9038ull } }, /* sha256h2 q0, q1, v2.4s */
    { 0x5e025020, { 0xfdf35355b7710da3ull, 0xfc374c01d618a9f0ull }, { 0xbdfcba239b9d41beull, 0x866b8b97ac95ae1aull },
      { 0xe4808f25ab2cc011ull, 0x6f48bc8a302337ddull }, { 0x706e797e39055ba5ull, 0xa57734c69efb4029ull } }, /* sha256h2 q0, q1, v2.4s */
    { 0x5e025020, { 0x517c3b3ee7a45922ull, 0xb80ea61cd5c1ee5bull }, { 0xa8e46ac61d38261dull, 0x41fc650b723d93aaull },
      { 0xe8abf351f5acf983ull, 0xa61023b28dbdf26bull }, { 0xa1b9859095f1f8b8ull, 0xbf0cb8c1b0b7443full } }, /* sha256h2 q0, q1, v2.4s */
    { 0x5e025020, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0xe74f30f95af9a950ull, 0xfffffffcf39ffe7cull } }, /* sha256h2 q0, q1, v2.4s */
    { 0x5e026020, { 0x53584f8915ffe203ull, 0x13f8c18dc13d333full }, { 0xd14df97923acda2eull, 0x378ba26b4b15c273ull },
      { 0xb65ecd5bb0927a41ull, 0x4f48cf7eed7cd565ull }, { 0x1cb14e7ad772efa0ull, 0x53809d6b22da8396ull } }, /* sha256su1 v0.4s, v1.4s, v2.4s */
    { 0x5e026020, { 0x2bb13a1b0dcb475bull, 0x4485ee838ae9a84dull }, { 0xf5b63d7c73391d99ull, 0x74374dce91046a28ull },
      { 0x40988a8196557799ull, 0xa9cf3b83967c2b40ull }, { 0x37517653946f4bd2ull, 0x70c98f3b4bd6f983ull } }, /* sha256su1 v0.4s, v1.4s, v2.4s */
    { 0x5e026020, { 0x4f14273f06b35a92ull, 0x9df3aa3ea98f5b83ull }, { 0x2cf82b0b4018ee6dull, 0x76e32eac49b4d49dull },
      { 0xc56488222c1ec871ull, 0x4da8652aece84441ull }, { 0xd6ec01545e3f7795ull, 0x4ac7bd5a75a21534ull } }, /* sha256su1 v0.4s, v1.4s, v2.4s */
    { 0x5e026020, { 0xc88b158edbe2cddaull, 0x42d4dedb219b6828ull }, { 0x8e0e1893d2f05728ull, 0xa8cf33866a6c6431ull },
      { 0x7eef6be2163ba7faull, 0x74badc861419ba2dull }, { 0x68c6543c5447154eull, 0x39940fc332868d1cull } }, /* sha256su1 v0.4s, v1.4s, v2.4s */
    { 0x5e026020, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0x003ffffe003ffffeull, 0x0000cfe50000cfe5ull } }, /* sha256su1 v0.4s, v1.4s, v2.4s */
    { 0x5e280820, { 0x1b9b5e7fd6bcc713ull, 0x788fa00d83ce7dbbull }, { 0x1b0fe4e01ed15cb5ull, 0x6d7ca7b032806eafull },
      { 0xeafadd1d6d553286ull, 0x32c5bab92323c381ull }, { 0x0000000047b4572dull, 0x0000000000000000ull } }, /* sha1h s0, s1 */
    { 0x5e280820, { 0x9d2484f42a6bad10ull, 0x57b3942abb2bef9aull }, { 0x12f50796220b07a9ull, 0x1f00fe8f7903cadbull },
      { 0x16ac9958157d4b12ull, 0x853494bc4fa029a8ull }, { 0x000000004882c1eaull, 0x0000000000000000ull } }, /* sha1h s0, s1 */
    { 0x5e280820, { 0x0d1c09945c4d1b34ull, 0xbe1b6e8a9ada5150ull }, { 0xc03d044802a7c670ull, 0x990086705bc320f3ull },
      { 0x2e8800d032e6561dull, 0x8688be87b6c34faaull }, { 0x0000000000a9f19cull, 0x0000000000000000ull } }, /* sha1h s0, s1 */
    { 0x5e280820, { 0x7551a7ffdcc3e6a4ull, 0x3793d249bfa50991ull }, { 0xdc275e4b87f3fb9bull, 0x1099a7ed3386217full },
      { 0x2f540864d6fff706ull, 0xe9d8afbd5ff18229ull }, { 0x00000000e1fcfee6ull, 0x0000000000000000ull } }, /* sha1h s0, s1 */
    { 0x5e280820, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0x00000000ffffffffull, 0x0000000000000000ull } }, /* sha1h s0, s1 */
    { 0x5e281820, { 0x9cef22b9e12345e6ull, 0x2b4463079b70f196ull }, { 0xa6466491b4fa91e8ull, 0xc9e52be23e8a21f4ull },
      { 0xd59777ac0ac849a5ull, 0x9f90e83d377f79eeull }, { 0x44ca069b8eca42eeull, 0x4b1c43d3a52bb4e8ull } }, /* sha1su1 v0.4s, v1.4s */
    { 0x5e281820, { 0x5a12fc75bbdea7d1ull, 0xd8d88192c8e9e560ull }, { 0x122a42e9b7585bafull, 0xb94fac42bcc95ee0ull },
      { 0xa018717acaa3bcd6ull, 0xbf95cd47aacf0bd8ull }, { 0xcdb7452b53e9ca71ull, 0x166297c7e34c9244ull } }, /* sha1su1 v0.4s, v1.4s */
    { 0x5e281820, { 0x7a12e79bb495da3aull, 0x03096bd088172b3cull }, { 0xdfff6f48bd7dd9a5ull, 0x8b014412b6cfc2d7ull },
      { 0xcdaa00144930ca4cull, 0x3b460338e965a95bull }, { 0x99ba4a99d6d56ae4ull, 0xabb80269062cde5cull } }, /* sha1su1 v0.4s, v1.4s */
    { 0x5e281820, { 0x97cdbfc14f370331ull, 0x1ae431b8b0e72330ull }, { 0x8ff37fc1ab5386e5ull, 0x56da924a49fc0950ull },
      { 0x8c6d407982471dafull, 0x83de5c1452bba87aull }, { 0xbc636d238188f9e1ull, 0x36d990b3cc7b62f5ull } }, /* sha1su1 v0.4s, v1.4s */
    { 0x5e281820, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0x0000000000000000ull } }, /* sha1su1 v0.4s, v1.4s */
    { 0x5e282820, { 0xb2b676e10284edb5ull, 0x449ab2220f0371bfull }, { 0x7e2055040b6ce2f9ull, 0xd446385fc4a26da1ull },
      { 0x7434fa5948f33b0aull, 0xfb047317242f48faull }, { 0x564821f54b10bc51ull, 0x105fb963ef9663c5ull } }, /* sha256su0 v0.4s, v1.4s */
    { 0x5e282820, { 0x7f33ece586c4fa44ull, 0x09f1dd5c6c14224bull }, { 0x902d4e480e3d6a94ull, 0xd60ccc1d78ee0c3cull },
      { 0xd478cd0546536149ull, 0x075de95e06b2120dull }, { 0x12fc63edc4e63fcdull, 0x7d70b1643a8efcb8ull } }, /* sha256su0 v0.4s, v1.4s */
    { 0x5e282820, { 0x8c80463c7920dcb8ull, 0xc679550e616c9134ull }, { 0xd5b5c7f58351fb5dull, 0x89aa2a76204f1cd6ull },
      { 0xc739fdd9aac11d30ull, 0x43950cd712a4969eull }, { 0xcd22999bf2270823ull, 0x9c355157b16cfac9ull } }, /* sha256su0 v0.4s, v1.4s */
    { 0x5e282820, { 0xdb247a661184035eull, 0x4cc8b9d2f44e3b68ull }, { 0xc6c93585b19537beull, 0x70c6c31b4d6ba195ull },
      { 0x27b0b9b3832f29d6ull, 0x2baf0e8d4564a47cull }, { 0x1cdfe06ed9cf74cfull, 0x7386dacf77c250e3ull } }, /* sha256su0 v0.4s, v1.4s */
    { 0x5e282820, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0x1fffffff00000000ull, 0x1ffffffe1ffffffeull } }, /* sha256su0 v0.4s, v1.4s */
    { 0x0ee2e020, { 0xe1ea4227796b3089ull, 0xec95adf651da1b92ull }, { 0xc07e31eaf9009f66ull, 0x29f3c189ad24a8a7ull },
      { 0xe309b9ecbb63e9a5ull, 0xd4b9cd917173f68full }, { 0xce9fd39d6c56ab3eull, 0x496961d6f038d017ull } }, /* pmull v0.1q, v1.1d, v2.1d */
    { 0x0ee2e020, { 0x48b3754d5da0a0b1ull, 0x2968f5709cd54b2bull }, { 0xa399ccb9f4709c05ull, 0x31f8ac76e5ac02d1ull },
      { 0x7e19d4db812f918full, 0x00c904c31c2167baull }, { 0xcb155f7e5054e3b3ull, 0x3076bb9d313ddd10ull } }, /* pmull v0.1q, v1.1d, v2.1d */
    { 0x0ee2e020, { 0xbb5b063b1916ba1bull, 0x2e74cc6aefa1e812ull }, { 0xcc5928b2583c690eull, 0x3f76d3ba5b60f5d2ull },
      { 0xd4158f8f7ac13eecull, 0x9f4c57f4cd97b413ull }, { 0x29ebdc1ff7b07d08ull, 0x5ac172ba8f4ea5e3ull } }, /* pmull v0.1q, v1.1d, v2.1d */
    { 0x0ee2e020, { 0x09e3ad602b752021ull, 0xfa3e6e503f226eb9ull }, { 0xe030fc8e7d3bc08full, 0xb681f592b7f8587eull },
      { 0x9eb502ad1854afe4ull, 0x999a7459826fc90bull }, { 0xf013abf3c49ac29cull, 0x7b3b285588d334c0ull } }, /* pmull v0.1q, v1.1d, v2.1d */
    { 0x0ee2e020, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0x5555555555555555ull, 0x5555555555555555ull } }, /* pmull v0.1q, v1.1d, v2.1d */
    { 0x4ee2e020, { 0x045add999512bf8full, 0x7c1aa122d738c786ull }, { 0x89f844c4b90af245ull, 0x42184d94d29221cdull },
      { 0xb45c404cc8149356ull, 0x1db240c307828e39ull }, { 0xe9165a9116534cd5ull, 0x0756c5e2482550caull } }, /* pmull2 v0.1q, v1.2d, v2.2d */
    { 0x4ee2e020, { 0x5d1e2f3590ff403bull, 0xc3d0903272f2441bull }, { 0xdc273120c8cc7a13ull, 0x6bab4138697f80dfull },
      { 0xc75fea181cc2028bull, 0x637c9fb537bd1f0full }, { 0x232fbbbadec091e5ull, 0x1730a24ee3a2a678ull } }, /* pmull2 v0.1q, v1.2d, v2.2d */
    { 0x4ee2e020, { 0x9da45634efe6f2cfull, 0x76fccc49e130d758ull }, { 0x25a79db209699e24ull, 0xe9f83d02a872b26full },
      { 0x464f9492cfcd7f9full, 0x7583fb52694d4004ull }, { 0x823f558e493a09bcull, 0x2ae50e8d5574a549ull } }, /* pmull2 v0.1q, v1.2d, v2.2d */
    { 0x4ee2e020, { 0xed8755034fd01a56ull, 0x4fc4d950ec7f608dull }, { 0x6405b2745f49afa7ull, 0x0a86a2f4cd4f74afull },
      { 0x480c3469c9498c4eull, 0xc7cadec0b2b02d13ull }, { 0x1adb61e822205c01ull, 0x07d0cc4c59ee9584ull } }, /* pmull2 v0.1q, v1.2d, v2.2d */
    { 0x4ee2e020, { 0x0000000000000000ull, 0xffffffffffffffffull }, { 0xffffffffffffffffull, 0xffffffffffffffffull },
      { 0xffffffffffffffffull, 0xffffffffffffffffull }, { 0x5555555555555555ull, 0x5555555555555555ull } }, /* pmull2 v0.1q, v1.2d, v2.2d */
};

/* Every row retires in one step, leaves v0 as QEMU does, and leaves its
 * sources alone (v1 and v2 are never the destination). */
Test(a64_crypto, every_instruction_matches_qemu_on_random_inputs)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const CryptoCase *c = &cases[i];
        set_v(0, c->vd[0], c->vd[1]);
        set_v(1, c->vn[0], c->vn[1]);
        set_v(2, c->vm[0], c->vm[1]);
        harness_code(h, &c->insn, 1);
        cr_assert_eq(harness_run(h, 1), 1, "row %zu %08x: did not retire", i, c->insn);
        cr_expect_eq(emu_cpu_pc(h->cpu), HARNESS_CODE + 4, "row %zu %08x", i, c->insn);
        cr_expect(v_lo(0) == c->out[0] && v_hi(0) == c->out[1],
                  "row %zu %08x (%s): got %016llx:%016llx want %016llx:%016llx", i, c->insn,
                  emu_a64_name(c->insn), (unsigned long long)v_hi(0), (unsigned long long)v_lo(0),
                  (unsigned long long)c->out[1], (unsigned long long)c->out[0]);
        cr_expect(v_lo(1) == c->vn[0] && v_hi(1) == c->vn[1], "row %zu: v1 changed", i);
        cr_expect(v_lo(2) == c->vm[0] && v_hi(2) == c->vm[1], "row %zu: v2 changed", i);
    }
}

/* The register fields are honoured: the same SHA256H with Vd = v30,
 * Vn = v31, Vm = v29 gives the v0/v1/v2 answer of the first sha256h row. */
Test(a64_crypto, register_fields_select_any_vector_register)
{
    const CryptoCase *c = NULL;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0] && !c; i++)
        if (cases[i].insn == 0x5e024020)
            c = &cases[i];
    cr_assert_not_null(c);
    uint32_t insn = 0x5e1d43feu;   /* sha256h q30, q31, v29.4s */
    set_v(30, c->vd[0], c->vd[1]);
    set_v(31, c->vn[0], c->vn[1]);
    set_v(29, c->vm[0], c->vm[1]);
    harness_code(h, &insn, 1);
    cr_assert_eq(harness_run(h, 1), 1);
    cr_expect_eq(v_lo(30), c->out[0]);
    cr_expect_eq(v_hi(30), c->out[1]);
}

/* In-place forms (Vd = Vn): AESE v0, v0 xors the state with itself, so the
 * result is SubBytes of zero, 0x63 in every byte; AESMC v0, v0 reads the
 * whole column before writing. */
Test(a64_crypto, destination_may_be_a_source)
{
    set_v(0, 0x0123456789abcdefull, 0xfedcba9876543210ull);
    harness_code(h, (uint32_t[]){ 0x4e284800 }, 1);   /* aese v0.16b, v0.16b */
    cr_assert_eq(harness_run(h, 1), 1);
    cr_expect_eq(v_lo(0), 0x6363636363636363ull);
    cr_expect_eq(v_hi(0), 0x6363636363636363ull);

    /* FIPS-197 B, round 1 after ShiftRows, MixColumns in place */
    set_v(0, 0xae52b4e0305dbfd4ull, 0xe598271ef11141b8ull);
    harness_code(h, (uint32_t[]){ 0x4e286800 }, 1);   /* aesmc v0.16b, v0.16b */
    cr_assert_eq(harness_run(h, 1), 1);
    cr_expect_eq(v_lo(0), 0x9a19cbe0e5816604ull);
    cr_expect_eq(v_hi(0), 0x4c2606287ad3f848ull);
}

/* ---- FIPS-197 known answer -------------------------------------------------- */

/* FIPS-197 Appendix B, round 1: input 3243f6a8885a308d313198a2e0370734 with
 * key 2b7e151628aed2a6abf7158809cf4f3c. AESE does AddRoundKey + SubBytes +
 * ShiftRows, AESMC MixColumns, EOR the round-1 key
 * a0fafe1788542cb123a339392a6c7605 gives the start of round 2,
 * a49c7ff2689f352b6b5bea43026a5049. The inverses walk it back: AESIMC
 * undoes MixColumns, AESD with a zero key undoes ShiftRows + SubBytes,
 * leaving the start of round 1, 193de3bea0f4e22b9ac68d2ae9f84808. */
Test(a64_crypto, fips197_round_one_forward_and_back)
{
    /* Little-endian lanes of the FIPS byte strings. */
    set_v(0, 0x8d305a88a8f64332ull, 0x340737e0a2983131ull);   /* plaintext */
    set_v(1, 0xa6d2ae2816157e2bull, 0x3c4fcf098815f7abull);   /* key 0 */
    set_v(2, 0xb12c548817fefaa0ull, 0x05766c2a3939a323ull);   /* key 1 */
    set_v(6, 0, 0);
    static const uint32_t prog[] = {
        0x4e284820,   /* aese   v0.16b, v1.16b */
        0x4e286803,   /* aesmc  v3.16b, v0.16b */
        0x6e221c64,   /* eor    v4.16b, v3.16b, v2.16b */
        0x4e287865,   /* aesimc v5.16b, v3.16b */
        0x4e2858c5,   /* aesd   v5.16b, v6.16b */
    };
    harness_code(h, prog, 5);
    cr_assert_eq(harness_run(h, 5), 5);
    /* after SubBytes + ShiftRows: d4bf5d30e0b452aeb84111f11e2798e5 */
    cr_expect_eq(v_lo(0), 0xae52b4e0305dbfd4ull);
    cr_expect_eq(v_hi(0), 0xe598271ef11141b8ull);
    /* after MixColumns: 046681e5e0cb199a48f8d37a2806264c */
    cr_expect_eq(v_lo(3), 0x9a19cbe0e5816604ull);
    cr_expect_eq(v_hi(3), 0x4c2606287ad3f848ull);
    /* start of round 2 */
    cr_expect_eq(v_lo(4), 0x2b359f68f27f9ca4ull);
    cr_expect_eq(v_hi(4), 0x49506a0243ea5b6bull);
    /* back to the start of round 1 (plaintext ^ key 0) */
    cr_expect_eq(v_lo(5), 0x2be2f4a0bee33d19ull);
    cr_expect_eq(v_hi(5), 0x0848f8e92a8dc69aull);
}

/* ---- Traps and unallocated neighbours -------------------------------------- */

/* CPACR_EL1.FPEN = 00: every crypto instruction traps to EL1 with EC 0x07
 * before touching anything. */
Test(a64_crypto, fp_disabled_traps_with_ec_7)
{
    static const uint32_t insns[] = {
        0x4e284820, 0x4e285820, 0x4e286820, 0x4e287820, 0x5e020020, 0x5e021020,
        0x5e022020, 0x5e023020, 0x5e024020, 0x5e025020, 0x5e026020, 0x5e280820,
        0x5e281820, 0x5e282820, 0x0ee2e020, 0x4ee2e020,
    };
    for (size_t i = 0; i < sizeof insns / sizeof insns[0]; i++) {
        emu_cpu_set_pstate(h->cpu, 0x3c5);   /* EL1h */
        h->cpu->sys.cpacr_el1 = 0;
        set_v(0, 0x1111, 0x2222);
        harness_code(h, &insns[i], 1);
        harness_run(h, 1);
        cr_expect_eq(emu_cpu_pc(h->cpu), harness_vector(0x200), "%08x", insns[i]);
        cr_expect_eq(harness_elr(h), HARNESS_CODE, "%08x", insns[i]);
        cr_expect_eq(harness_esr(h) >> 26, 0x07, "%08x: esr %#llx", insns[i],
                     (unsigned long long)harness_esr(h));
        cr_expect(v_lo(0) == 0x1111 && v_hi(0) == 0x2222, "%08x wrote v0", insns[i]);
    }
}

/* Encodings next to the crypto ones that QEMU -cpu cortex-a57 rejects
 * (SIGILL under qemu-aarch64): other size or opcode values of the same
 * groups, PMULL with size 01/10 or U = 1, and the ARMv8.2 SHA512/SHA3/SM4
 * space that cortex-a57 lacks. */
static const struct { uint32_t insn; const char *text; } unallocated[] = {
    { 0x4e684820, "AES, size 01" },
    { 0x4e280820, "AES, opcode 00000" },
    { 0x4e283820, "AES, opcode 00011" },
    { 0x4e288820, "AES, opcode 01000" },
    { 0x4e2f8820, "AES, opcode 11000" },
    { 0x5e027020, "three-register SHA, opcode 111" },
    { 0x5e420020, "three-register SHA, size 01" },
    { 0x5e820020, "three-register SHA, size 10" },
    { 0x5e283820, "two-register SHA, opcode 00011" },
    { 0x5e284820, "two-register SHA, opcode 00100" },
    { 0x5e2f8820, "two-register SHA, opcode 11000" },
    { 0x5e680820, "two-register SHA, size 01" },
    { 0x0e62e020, "pmull, size 01" },
    { 0x0ea2e020, "pmull, size 10" },
    { 0x2ee2e020, "U=1 opcode 1110 size 11" },
    { 0x6ee2e020, "U=1 opcode 1110 size 11, Q=1" },
    { 0xce628020, "sha512h (ARMv8.2)" },
    { 0xce020020, "eor3 (ARMv8.2 SHA3)" },
    { 0xcec08420, "sm4e (ARMv8.2 SM4)" },
};

Test(a64_crypto, unallocated_neighbours_are_undefined)
{
    for (size_t i = 0; i < sizeof unallocated / sizeof unallocated[0]; i++) {
        uint32_t insn = unallocated[i].insn;
        emu_cpu_set_pstate(h->cpu, 0x3c5);   /* EL1h, DAIF masked */
        set_v(0, 0x1111, 0x2222);
        harness_code(h, &insn, 1);
        harness_run(h, 1);
        cr_expect_eq(emu_cpu_pc(h->cpu), harness_vector(0x200), "%08x %s: no exception", insn,
                     unallocated[i].text);
        cr_expect_eq(harness_elr(h), HARNESS_CODE, "%08x", insn);
        cr_expect_eq(harness_esr(h), 1u << 25, "%08x %s: esr %#llx", insn, unallocated[i].text,
                     (unsigned long long)harness_esr(h));
        cr_expect_eq(v_lo(0), 0x1111, "%08x %s: wrote v0", insn, unallocated[i].text);
        cr_expect_str_eq(emu_a64_name(insn), "unallocated", "%08x %s", insn, unallocated[i].text);
    }
}

Test(a64_crypto, decoder_names_follow_the_mnemonics)
{
    static const struct { uint32_t insn; const char *name; } names[] = {
        { 0x4e284820, "aese" }, { 0x4e285820, "aesd" }, { 0x4e286820, "aesmc" },
        { 0x4e287820, "aesimc" }, { 0x5e020020, "sha1c" }, { 0x5e021020, "sha1p" },
        { 0x5e022020, "sha1m" }, { 0x5e023020, "sha1su0" }, { 0x5e024020, "sha256h" },
        { 0x5e025020, "sha256h2" }, { 0x5e026020, "sha256su1" }, { 0x5e280820, "sha1h" },
        { 0x5e281820, "sha1su1" }, { 0x5e282820, "sha256su0" }, { 0x0ee2e020, "pmull" },
        { 0x4ee2e020, "pmull2" },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        cr_expect_str_eq(emu_a64_name(names[i].insn), names[i].name, "%08x", names[i].insn);
    /* the 8-bit PMULL stays a64_simd.c's */
    cr_expect_str_eq(emu_a64_name(0x0e22e020), "pmull");
}
