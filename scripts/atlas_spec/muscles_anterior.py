"""Front view muscle layer: viewer-left is the patient's right; every entry is mirrored.

Limb shapes run along the limb axes: belly(axis, [(u, s, width), ...]) with u the joint
index (shoulder 0 → wrist 7, hip 0 → knee 4 → ankle 9) and s the offset in radii
(negative = lateral, thumb side). Trunk and face shapes are control polygons.
"""

from __future__ import annotations

from .body import ARM, LEG
from .muscles import belly, line, muscle
from .shapes import along


def A(u: float, s: float) -> tuple[float, float]:
    """Point on the arm (shoulder u=0, elbow u=4, wrist u=7)."""
    return along(ARM, u, s)


def L(u: float, s: float) -> tuple[float, float]:
    """Point on the leg (hip u=0, knee u=4, ankle u=9)."""
    return along(LEG, u, s)


def _ring(cx: float, cy: float, rx: float, ry: float, n: int = 10) -> list[tuple[float, float]]:
    import math

    return [(cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n)) for i in range(n)]


FACE = [
    muscle("frontalis", [(42.4, 189.5), (45.5, 193.2), (50.3, 193.8), (50.3, 186.9), (46.5, 186.4),
                         (43.2, 186.8)]),
    muscle("temporalis", [(41.1, 187.0), (42.8, 187.6), (43.4, 183.0), (42.9, 179.4), (41.1, 180.2)]),
    muscle("orbicularis_oculi", _ring(45.8, 181.3, 2.5, 1.8)),
    muscle("zygomaticus_major", line([(43.6, 179.6), (47.4, 173.6)], 1.0)),
    muscle("buccinator", [(45.0, 175.6), (47.6, 175.2), (47.9, 172.7), (45.4, 172.5)]),
    muscle("masseter", [(43.1, 176.4), (44.9, 176.6), (45.8, 172.2), (44.3, 171.0), (43.3, 172.3)]),
    muscle("platysma", [(44.1, 172.0), (47.3, 170.1), (48.3, 166.0), (47.9, 161.8), (45.4, 157.4),
                        (38.6, 156.4), (38.2, 158.6), (42.0, 161.6), (45.0, 165.6), (43.9, 169.6)]),
]

NECK = [
    muscle("sternocleidomastoid", [(41.9, 173.8), (43.5, 174.1), (46.7, 167.0), (49.4, 161.2), (49.2, 159.8),
                                   (46.9, 159.7), (44.4, 159.9), (44.6, 162.8), (42.7, 169.0)]),
    muscle("anterior_scalene", line([(46.9, 168.0), (45.9, 164.0), (44.9, 159.4)], 1.1), smooth=2),
    muscle("scalenus_minimus", line([(46.4, 164.6), (44.0, 159.7)], 0.7), smooth=2),
    muscle("middle_scalene", line([(46.3, 168.4), (44.6, 164.0), (42.9, 159.6)], 1.2), smooth=2),
    muscle("posterior_scalene", line([(45.9, 167.2), (43.6, 163.4), (41.2, 160.0)], 1.0), smooth=2),
    muscle("longus_colli", [(48.5, 169.0), (49.95, 169.0), (49.95, 158.2), (48.7, 158.4)]),
    muscle("omohyoid", line([(48.6, 167.2), (46.3, 162.8), (42.5, 160.6), (37.5, 159.9)], 0.7), smooth=2),
    muscle("upper_trapezius", [(45.3, 166.0), (41.0, 163.4), (35.0, 161.5), (33.6, 160.4), (37.0, 160.4),
                               (41.5, 161.8), (45.2, 163.2)]),
]

CHEST = [
    muscle("deltoid", [(33.4, 159.5), (30.0, 158.6), (27.2, 155.5), (26.0, 151.0), (26.2, 146.5),
                       (27.2, 142.0), (28.6, 141.6), (30.5, 146.0), (32.5, 151.0), (33.8, 155.5)]),
    muscle("pectoralis_major", [(49.3, 160.4), (49.3, 141.0), (45.0, 138.6), (40.0, 139.2), (36.0, 141.8),
                                (33.0, 146.8), (31.6, 150.4), (33.4, 153.2), (36.0, 156.6), (40.5, 159.8),
                                (45.0, 160.6)]),
    muscle("pectoralis_minor", [(32.8, 156.6), (35.6, 157.0), (42.0, 149.6), (42.2, 145.0), (40.6, 141.2),
                                (38.4, 142.0), (35.2, 149.6)]),
    muscle("subclavius", [(47.6, 159.6), (47.0, 157.6), (39.4, 157.2), (38.2, 158.4)]),
    muscle("serratus_anterior", [(34.6, 146.6), (37.2, 145.6), (36.6, 143.6), (39.0, 141.6), (38.2, 139.6),
                                 (40.2, 137.0), (39.4, 135.0), (40.8, 132.4), (39.6, 130.4), (37.0, 128.4),
                                 (36.4, 133.0), (35.3, 140.0)], smooth=1),
    muscle("subscapularis", [(33.0, 148.8), (35.3, 148.2), (37.1, 145.2), (36.9, 141.8), (35.0, 141.3),
                             (33.7, 144.5)]),
    muscle("intercostals", [(34.5, 144.2), (38.0, 143.6), (41.6, 138.0), (40.6, 131.4), (36.3, 130.4),
                            (35.2, 136.0)]),
    muscle("sternalis", [(47.5, 157.6), (50.3, 158.0), (50.3, 141.4), (47.9, 141.0)]),
    muscle("diaphragm", [(49.95, 139.8), (45.0, 138.3), (40.4, 135.2), (37.2, 130.0), (36.4, 124.6),
                         (38.6, 124.2), (41.6, 129.4), (45.5, 133.4), (49.95, 135.0)]),
]

ABDOMEN = [
    muscle("rectus_abdominis", [(49.95, 138.6), (45.5, 138.0), (43.2, 133.0), (42.4, 124.0), (42.4, 114.0),
                                (42.6, 110.0), (43.6, 104.6), (46.0, 98.0), (48.2, 95.0), (49.95, 94.8)]),
    muscle("abdominal_obliques", [(45.6, 138.8), (40.0, 139.2), (36.2, 137.0), (35.8, 128.0), (36.8, 121.0),
                                  (36.0, 114.0), (34.2, 107.0), (36.5, 104.4), (41.5, 99.4), (45.8, 95.8),
                                  (44.4, 99.6), (42.2, 106.0), (42.0, 116.0), (42.5, 126.0), (44.3, 134.0)]),
    muscle("transversus_abdominis", [(44.2, 137.2), (38.0, 136.6), (36.4, 128.0), (36.7, 120.0), (35.0, 110.0),
                                     (37.0, 104.8), (42.0, 100.2), (43.0, 106.0), (42.8, 118.0), (43.6, 130.0)]),
    muscle("pyramidalis", [(47.6, 94.4), (49.95, 93.4), (49.95, 100.8), (48.9, 100.4)], smooth=1),
    muscle("psoas_major", [(48.9, 129.0), (46.7, 128.4), (45.5, 118.0), (44.5, 108.0), (43.5, 101.0),
                           (42.3, 94.0), (43.4, 89.4), (45.7, 90.4), (46.3, 97.0), (47.7, 106.0), (48.9, 116.0)]),
    muscle("iliacus", [(36.2, 111.2), (40.0, 113.2), (43.6, 110.0), (44.0, 103.0), (43.6, 95.0), (42.6, 91.8),
                       (41.4, 95.0), (38.4, 101.0), (35.6, 106.0)]),
]

HIP = [
    muscle("tensor_fasciae_latae", [(35.6, 106.2), (37.8, 105.2), (38.0, 99.0), (36.5, 91.0), (34.2, 87.6),
                                    (33.1, 93.0), (33.7, 101.0)]),
    muscle("gluteus_minimus", [(33.4, 106.8), (36.9, 107.2), (37.3, 102.0), (35.9, 96.8), (33.1, 96.2),
                               (32.9, 101.0)]),
    muscle("pectineus", [(47.0, 96.4), (45.2, 95.0), (41.4, 91.4), (40.7, 88.8), (42.4, 88.3), (44.4, 90.9),
                         (47.4, 94.4)]),
    muscle("obturator_externus", [(47.6, 95.6), (45.5, 97.6), (41.0, 98.6), (39.9, 97.2), (44.0, 94.9),
                                  (46.9, 94.1)]),
    muscle("adductor_longus", [(48.3, 94.8), (49.3, 92.4), L(1.2, 0.88), L(2.0, 0.66), L(2.6, 0.44),
                               L(2.6, 0.22), L(1.8, 0.3), L(1.0, 0.42), (45.4, 95.6)]),
    muscle("adductor_brevis", [(47.6, 95.4), (49.4, 93.0), L(0.9, 0.78), L(1.5, 0.46), L(1.5, 0.2),
                               L(0.8, 0.34), (45.0, 95.8)]),
    muscle("adductor_magnus", [(49.5, 93.0), L(0.6, 0.97), L(2.0, 0.99), L(3.3, 0.96), L(3.9, 0.9),
                               L(3.7, 0.64), L(2.6, 0.58), L(1.4, 0.64), (47.6, 94.4)]),
    muscle("gracilis", [(49.7, 92.8), L(0.5, 0.99), L(2.0, 1.0), L(3.5, 0.99), L(4.5, 0.86), L(4.5, 0.66),
                        L(3.5, 0.8), L(2.0, 0.8), L(0.7, 0.74), (48.5, 94.0)]),
]

PERINEUM = [  # seen between the thighs only as a sliver; drawn so the layer names them in place
    muscle("bulbospongiosus", [(49.1, 95.6), (50.3, 95.9), (50.3, 91.6), (49.2, 92.0)], smooth=1),
    muscle("ischiocavernosus", [(47.4, 94.8), (48.7, 95.2), (49.5, 92.2), (48.6, 91.9)], smooth=1),
    muscle("transverse_perineal", [(46.6, 93.8), (50.3, 93.8), (50.3, 92.8), (46.8, 92.8)], smooth=1),
    # --- TP3 part B (issue #11): paper-sourced points need these shapes ---
    # levator ani's front fibres (pubococcygeus, puborectalis) run from the back of the pubic bone; a deep
    # sliver just above the perineal muscles gives their point (Anderson et al. 2009) a place on this view
    muscle("levator_ani", [(48.2, 97.9), (50.3, 98.1), (50.3, 96.1), (48.5, 95.9)], smooth=1),
]

THIGH = [
    muscle("sartorius", line([(36.6, 105.8), L(0.5, -0.5), L(1.5, 0.05), L(2.6, 0.5), L(3.6, 0.78),
                              L(4.5, 0.72)], 2.2), smooth=2),
    muscle("rectus_femoris", belly(LEG, [(0.3, -0.2, 0.15), (1.0, -0.1, 0.45), (2.0, 0.0, 0.55),
                                         (3.0, 0.05, 0.5), (3.8, 0.05, 0.2)])),
    muscle("vastus_lateralis", belly(LEG, [(0.45, -0.75, 0.35), (1.0, -0.66, 0.6), (2.0, -0.62, 0.7),
                                           (3.0, -0.55, 0.65), (3.7, -0.4, 0.45), (4.0, -0.25, 0.2)])),
    muscle("vastus_medialis", belly(LEG, [(1.8, 0.55, 0.25), (2.4, 0.6, 0.45), (3.1, 0.6, 0.6),
                                          (3.7, 0.45, 0.55), (4.0, 0.25, 0.3)])),
    muscle("vastus_intermedius", belly(LEG, [(0.6, 0.05, 0.4), (1.5, 0.0, 0.7), (2.5, 0.0, 0.75),
                                             (3.4, 0.0, 0.6), (3.8, 0.0, 0.3)])),
]

LEG_FRONT = [
    muscle("tibialis_anterior", belly(LEG, [(4.35, -0.25, 0.4), (5.5, -0.15, 0.55), (7.0, -0.05, 0.45),
                                            (8.0, 0.1, 0.25), (8.9, 0.3, 0.15), (9.6, 0.55, 0.12)])),
    muscle("extensor_digitorum_longus", belly(LEG, [(4.3, -0.7, 0.3), (5.5, -0.62, 0.35), (7.0, -0.5, 0.35),
                                                    (8.2, -0.35, 0.25), (9.2, -0.2, 0.15)])),
    muscle("extensor_hallucis_longus", belly(LEG, [(6.0, -0.3, 0.15), (7.0, -0.2, 0.25), (8.0, 0.0, 0.28),
                                                   (8.8, 0.1, 0.2), (9.5, 0.3, 0.12)])),
    muscle("fibularis_longus", belly(LEG, [(4.2, -0.85, 0.25), (5.0, -0.85, 0.35), (6.2, -0.88, 0.3),
                                           (7.2, -0.92, 0.2), (8.6, -0.95, 0.1)])),
    muscle("fibularis_brevis", belly(LEG, [(6.0, -0.95, 0.15), (7.0, -0.9, 0.25), (8.0, -0.83, 0.3),
                                           (8.8, -0.8, 0.2)])),
    muscle("fibularis_tertius", belly(LEG, [(7.2, -0.72, 0.15), (8.0, -0.62, 0.25), (8.9, -0.5, 0.2)])),
    muscle("extensor_digitorum_brevis", [(40.4, 9.6), (42.8, 10.9), (43.2, 7.5), (41.8, 4.8), (39.5, 5.2)]),
    muscle("extensor_hallucis_brevis", [(43.3, 10.3), (44.3, 9.1), (45.3, 5.0), (44.0, 4.5), (43.0, 8.0)]),
    muscle("dorsal_interossei_foot", [(40.9, 8.4), (44.6, 8.4), (45.1, 5.1), (40.4, 5.1)]),
]

ARM_FRONT = [
    muscle("biceps_brachii", belly(ARM, [(0.9, 0.15, 0.25), (1.5, 0.05, 0.75), (2.5, 0.0, 0.85),
                                         (3.4, 0.0, 0.7), (4.0, 0.05, 0.3)])),
    muscle("brachialis", belly(ARM, [(2.2, 0.0, 0.6), (3.0, 0.0, 1.3), (3.7, 0.05, 1.2), (4.3, 0.1, 0.5)])),
    muscle("coracobrachialis", belly(ARM, [(0.4, 0.55, 0.25), (1.2, 0.6, 0.35), (2.0, 0.64, 0.3),
                                           (2.6, 0.62, 0.18)])),
    muscle("brachioradialis", belly(ARM, [(3.2, -0.85, 0.25), (3.9, -0.78, 0.45), (4.7, -0.68, 0.5),
                                          (5.6, -0.62, 0.42), (6.4, -0.55, 0.22), (6.95, -0.55, 0.15)])),
    muscle("supinator", belly(ARM, [(3.9, -0.8, 0.3), (4.3, -0.5, 0.6), (4.8, -0.3, 0.5), (5.2, -0.25, 0.3)])),
    muscle("pronator_teres", belly(ARM, [(3.95, 0.9, 0.3), (4.4, 0.5, 0.45), (4.9, 0.0, 0.45),
                                         (5.4, -0.4, 0.35), (5.7, -0.55, 0.2)])),
    muscle("flexor_carpi_radialis", belly(ARM, [(4.1, 0.75, 0.25), (4.8, 0.45, 0.35), (5.6, 0.15, 0.35),
                                                (6.4, -0.1, 0.25), (7.0, -0.25, 0.15)])),
    muscle("palmaris_longus", belly(ARM, [(4.1, 0.85, 0.2), (4.8, 0.6, 0.25), (5.6, 0.35, 0.2),
                                          (6.4, 0.15, 0.12), (7.0, 0.05, 0.08)])),
    muscle("flexor_carpi_ulnaris", belly(ARM, [(4.0, 0.98, 0.2), (4.8, 0.85, 0.3), (5.8, 0.8, 0.3),
                                               (6.6, 0.78, 0.2), (7.0, 0.8, 0.15)])),
    muscle("flexor_digitorum_superficialis", belly(ARM, [(4.2, 0.6, 0.4), (5.0, 0.2, 0.8), (6.0, 0.05, 0.8),
                                                         (6.8, 0.05, 0.6)])),
    muscle("flexor_digitorum_profundus", belly(ARM, [(4.4, 0.5, 0.4), (5.2, 0.45, 0.8), (6.2, 0.45, 0.85),
                                                     (6.9, 0.4, 0.7)])),
    muscle("flexor_pollicis_longus", belly(ARM, [(4.6, -0.35, 0.42), (5.5, -0.45, 0.5), (6.4, -0.4, 0.4),
                                                 (7.0, -0.35, 0.2)])),
    # --- TP3 part A: muscles from referral papers (pronator quadratus: Hwang et al. 2005) ---
    # a square band across both bones over the lower quarter of the forearm, ulna to radius
    muscle("pronator_quadratus", belly(ARM, [(6.05, 0.0, 1.35), (6.4, 0.0, 1.45), (6.7, 0.0, 1.35)]), smooth=2),
]

HAND_FRONT = [
    muscle("abductor_pollicis_brevis", [(15.5, 98.6), (16.5, 99.0), (16.2, 95.4), (14.7, 93.2), (14.2, 94.5)]),
    muscle("flexor_pollicis_brevis", [(16.7, 99.3), (17.8, 98.9), (17.4, 95.0), (15.8, 93.0), (15.3, 94.5)]),
    muscle("opponens_pollicis", [(15.4, 98.6), (17.0, 98.6), (16.9, 94.4), (15.0, 93.8)]),
    muscle("adductor_pollicis", [(18.9, 97.4), (19.3, 91.8), (16.5, 92.7), (15.5, 94.2), (17.0, 95.6)]),
    muscle("abductor_digiti_minimi_hand", [(21.3, 99.0), (22.1, 97.0), (22.3, 92.0), (21.6, 90.5), (20.7, 92.0),
                                           (20.5, 97.6)]),
    muscle("hand_lumbricals", [(15.6, 90.4), (21.3, 90.8), (21.1, 93.3), (15.9, 92.9)]),
    muscle("palmar_interossei", [(16.8, 91.1), (20.9, 91.3), (20.7, 96.2), (17.4, 96.2)]),
]

SPEC = FACE + NECK + CHEST + ABDOMEN + HIP + PERINEUM + THIGH + LEG_FRONT + ARM_FRONT + HAND_FRONT
