"""A partitioned history rescored on a Dask LocalCluster of 2 workers equals the
single-process run (examples/python/dask_rescore.py). Run by ctest as python.dask."""
import os
import sys
import unittest

try:
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster
except ImportError:  # pragma: no cover
    dd = None

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples", "python"))


@unittest.skipIf(dd is None, "needs python3-pandas, python3-dask and python3-distributed")
class DaskRescoreTest(unittest.TestCase):
    def test_two_workers_equal_one_process(self):
        import dask_rescore
        import pmq.pandas

        history = dask_rescore.synthetic_history("pmq-residential-example", 400)
        single = pmq.pandas.score_frame("pmq-residential-example", history.reset_index()).results
        partitioned = dd.from_pandas(history, npartitions=6, sort=True)
        # In-process workers keep the test quick and free of spawned interpreters; the
        # example's main() runs them as processes.
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            distributed = dask_rescore.rescore(partitioned, "pmq-residential-example").compute()
            self.assertEqual(len(client.scheduler_info()["workers"]), 2)
        distributed = distributed.sort_values("inspection").reset_index(drop=True)
        single = single.sort_values("inspection").reset_index(drop=True)
        self.assertEqual(len(single), 400)
        pd.testing.assert_frame_equal(distributed, single)


if __name__ == "__main__":
    unittest.main()
